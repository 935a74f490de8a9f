package dev.estiba.lint.report;

import dev.estiba.lint.FileResult;
import dev.estiba.lint.Finding;
import dev.estiba.lint.RuleInfo;
import java.io.IOException;
import java.util.List;

/**
 * JUnit XML: one test suite per file and one test case per rule that ran, failed when the rule found
 * something (the failure lists every finding of the rule).
 */
final class JunitReport extends XmlReport {

    @Override
    public void write(List<FileResult> results, Appendable out) throws IOException {
        document(out, xml -> {
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "estiba lint");
            for (FileResult r : results) {
                List<String> ids = ruleIds(r);
                long failures = ids.stream().filter(id -> r.findings().stream().anyMatch(f -> f.rule().equals(id))).count();
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", r.file());
                xml.writeAttribute("tests", String.valueOf(ids.size()));
                xml.writeAttribute("failures", String.valueOf(failures));
                xml.writeAttribute("errors", "0");
                xml.writeAttribute("skipped", "0");
                for (String id : ids) {
                    List<Finding> found = r.findings().stream().filter(f -> f.rule().equals(id)).toList();
                    xml.writeCharacters("\n    ");
                    if (found.isEmpty()) {
                        xml.writeEmptyElement("testcase");
                        xml.writeAttribute("classname", r.file());
                        xml.writeAttribute("name", id);
                        continue;
                    }
                    xml.writeStartElement("testcase");
                    xml.writeAttribute("classname", r.file());
                    xml.writeAttribute("name", id);
                    xml.writeStartElement("failure");
                    xml.writeAttribute("type", found.get(0).severity().label());
                    xml.writeAttribute("message", found.get(0).message());
                    StringBuilder body = new StringBuilder();
                    for (Finding f : found) {
                        body.append(r.file()).append(':').append(f.range().line()).append(':').append(f.range().column())
                            .append(' ').append(f.rule()).append(' ').append(f.severity().label()).append(": ")
                            .append(f.message()).append('\n');
                    }
                    xml.writeCharacters(body.toString());
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
        });
    }

    /** The rules that ran, then any rule that found something without being listed (ShellCheck codes). */
    private static List<String> ruleIds(FileResult r) {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        for (RuleInfo info : r.rulesRun()) {
            ids.add(info.id());
        }
        for (Finding f : r.findings()) {
            ids.add(f.rule());
        }
        return List.copyOf(ids);
    }
}
