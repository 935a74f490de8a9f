package dev.estiba.lint.report;

import dev.estiba.lint.FileResult;
import java.io.IOException;
import java.util.List;

/** Writes the results of a lint run in one format. */
public interface ReportWriter {
    /** Writes every file's findings to {@code out}. */
    void write(List<FileResult> results, Appendable out) throws IOException;
}
