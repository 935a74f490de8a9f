package dev.estiba.lint.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.estiba.lint.FileResult;
import dev.estiba.lint.Finding;
import dev.estiba.lint.RuleCatalog;
import dev.estiba.lint.RuleInfo;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, one run: the tool's rules (id, description, default level, help link to the upstream
 * documentation, our page in properties) and one result per finding.
 */
final class SarifReport implements ReportWriter {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    @Override
    public void write(List<FileResult> results, Appendable out) throws IOException {
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        for (FileResult r : results) {
            for (RuleInfo info : r.rulesRun()) {
                rules.putIfAbsent(info.id(), info);
            }
            for (Finding f : r.findings()) {
                rules.computeIfAbsent(f.rule(), RuleCatalog::get);
            }
        }
        List<String> ids = List.copyOf(rules.keySet());

        ObjectNode root = JsonReport.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "estiba");
        driver.put("informationUri", "https://github.com/hadolint/hadolint#rules");
        ArrayNode ruleArray = driver.putArray("rules");
        for (RuleInfo info : rules.values()) {
            ObjectNode o = ruleArray.addObject();
            o.put("id", info.id());
            o.putObject("shortDescription").put("text", info.summary());
            if (info.upstreamUri() != null) {
                o.put("helpUri", info.upstreamUri());
            }
            o.putObject("help").put("text", info.summary() + " See " + info.docsPath() + ".");
            o.putObject("defaultConfiguration").put("level", level(info.severity()));
            ObjectNode props = o.putObject("properties");
            props.put("docs", info.docsPath());
            props.putArray("tags").add(info.source().name().toLowerCase(java.util.Locale.ROOT));
        }
        ArrayNode resultArray = run.putArray("results");
        for (FileResult r : results) {
            for (Finding f : r.findings()) {
                ObjectNode o = resultArray.addObject();
                o.put("ruleId", f.rule());
                o.put("ruleIndex", ids.indexOf(f.rule()));
                o.put("level", level(f.severity()));
                o.putObject("message").put("text", f.message());
                ObjectNode physical = o.putArray("locations").addObject().putObject("physicalLocation");
                physical.putObject("artifactLocation").put("uri", uri(r.file()));
                ObjectNode region = physical.putObject("region");
                region.put("startLine", f.range().line());
                region.put("startColumn", f.range().column());
                region.put("endLine", Math.max(f.range().line(), f.range().endLine()));
                region.put("endColumn", Math.max(1, f.range().endColumn()));
            }
        }
        out.append(JsonReport.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root)).append('\n');
    }

    /** SARIF levels: error, warning, note (info and style), none (ignore). */
    static String level(dev.estiba.lint.Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO, STYLE -> "note";
            case IGNORE -> "none";
        };
    }

    /** A relative URI for a path: forward slashes, spaces and the like percent-encoded. */
    static String uri(String file) {
        String p = file.replace('\\', '/');
        StringBuilder sb = new StringBuilder();
        for (char c : p.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~/".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format("%02X", b & 0xff));
                }
            }
        }
        return sb.toString();
    }
}
