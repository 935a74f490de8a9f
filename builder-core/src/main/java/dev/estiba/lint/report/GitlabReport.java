package dev.estiba.lint.report;

import dev.estiba.image.Digest;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.estiba.lint.FileResult;
import dev.estiba.lint.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * GitLab Code Quality: an array of issues with description, check_name, fingerprint, severity
 * (blocker, critical, major, minor, info) and location.path/lines.begin.
 */
final class GitlabReport implements ReportWriter {

    @Override
    public void write(List<FileResult> results, Appendable out) throws IOException {
        ArrayNode all = JsonReport.MAPPER.createArrayNode();
        for (FileResult r : results) {
            for (Finding f : r.findings()) {
                ObjectNode o = all.addObject();
                o.put("type", "issue");
                o.put("check_name", f.rule());
                o.put("description", f.rule() + ": " + f.message());
                o.putArray("categories").add("Style");
                o.put("fingerprint", fingerprint(r.file(), f));
                o.put("severity", switch (f.severity()) {
                    case ERROR -> "blocker";
                    case WARNING -> "major";
                    case INFO -> "info";
                    case STYLE, IGNORE -> "minor";
                });
                ObjectNode loc = o.putObject("location");
                loc.put("path", r.file());
                ObjectNode lines = loc.putObject("lines");
                lines.put("begin", f.range().line());
                lines.put("end", f.range().endLine());
            }
        }
        out.append(JsonReport.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(all)).append('\n');
    }

    /** Stable per finding: the same file, rule, place and message give the same fingerprint. */
    static String fingerprint(String file, Finding f) {
        String key = file + "\0" + f.rule() + "\0" + f.range() + "\0" + f.message();
        return Digest.sha256(key.getBytes(StandardCharsets.UTF_8)).hex();
    }
}
