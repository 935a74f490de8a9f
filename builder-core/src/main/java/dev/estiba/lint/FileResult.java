package dev.estiba.lint;

import java.util.List;

/**
 * The findings of one Dockerfile.
 *
 * @param file the file name as given (or {@code -} for standard input)
 * @param source the text that was linted (for showing source lines)
 * @param findings the findings after configuration and pragmas, ordered by position
 * @param rulesRun the rules that ran on the file
 */
public record FileResult(String file, String source, List<Finding> findings, List<RuleInfo> rulesRun) {

    public FileResult {
        findings = List.copyOf(findings);
        rulesRun = List.copyOf(rulesRun);
    }

    /** The text of a 1-based line, without its line ending; "" past the end. */
    public String sourceLine(int line) {
        String[] lines = source.split("\r?\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }
}
