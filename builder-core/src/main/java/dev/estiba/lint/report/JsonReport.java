package dev.estiba.lint.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.estiba.lint.FileResult;
import dev.estiba.lint.Finding;
import java.io.IOException;
import java.util.List;

/** hadolint's JSON shape: one array of {@code {code, column, file, level, line, message}}, plus end positions. */
final class JsonReport implements ReportWriter {
    static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void write(List<FileResult> results, Appendable out) throws IOException {
        ArrayNode all = MAPPER.createArrayNode();
        for (FileResult r : results) {
            for (Finding f : r.findings()) {
                ObjectNode o = all.addObject();
                o.put("code", f.rule());
                o.put("column", f.range().column());
                o.put("endColumn", f.range().endColumn());
                o.put("endLine", f.range().endLine());
                o.put("file", r.file());
                o.put("level", f.severity().label());
                o.put("line", f.range().line());
                o.put("message", f.message());
            }
        }
        out.append(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(all)).append('\n');
    }
}
