package dev.estiba.lint.report;

import dev.estiba.lint.FileResult;
import dev.estiba.lint.Finding;
import java.io.IOException;
import java.util.List;

/** GitHub Actions workflow commands: {@code ::warning file=F,line=L,col=C,...,title=ID::message}. */
final class GithubReport implements ReportWriter {

    @Override
    public void write(List<FileResult> results, Appendable out) throws IOException {
        for (FileResult r : results) {
            for (Finding f : r.findings()) {
                String level = switch (f.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    default -> "notice";
                };
                out.append("::").append(level)
                    .append(" file=").append(property(r.file()))
                    .append(",line=").append(String.valueOf(f.range().line()))
                    .append(",col=").append(String.valueOf(f.range().column()))
                    .append(",endLine=").append(String.valueOf(f.range().endLine()))
                    .append(",endColumn=").append(String.valueOf(f.range().endColumn()))
                    .append(",title=").append(property(f.rule()))
                    .append("::").append(data(f.rule() + " " + f.message())).append('\n');
            }
        }
    }

    /** Escapes a message as the runner reads it. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a property value, where {@code :} and {@code ,} also end the value. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
