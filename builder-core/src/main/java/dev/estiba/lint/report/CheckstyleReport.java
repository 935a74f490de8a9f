package dev.estiba.lint.report;

import dev.estiba.lint.FileResult;
import dev.estiba.lint.Finding;
import java.io.IOException;
import java.util.List;

/** Checkstyle XML: {@code <checkstyle><file name><error line column severity message source/>}. */
final class CheckstyleReport extends XmlReport {

    @Override
    public void write(List<FileResult> results, Appendable out) throws IOException {
        document(out, xml -> {
            xml.writeStartElement("checkstyle");
            xml.writeAttribute("version", "4.3");
            for (FileResult r : results) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("file");
                xml.writeAttribute("name", r.file());
                for (Finding f : r.findings()) {
                    xml.writeCharacters("\n    ");
                    xml.writeEmptyElement("error");
                    xml.writeAttribute("line", String.valueOf(f.range().line()));
                    xml.writeAttribute("column", String.valueOf(f.range().column()));
                    xml.writeAttribute("severity", switch (f.severity()) {
                        case ERROR -> "error";
                        case WARNING -> "warning";
                        case INFO, STYLE -> "info";
                        case IGNORE -> "ignore";
                    });
                    xml.writeAttribute("message", f.message());
                    xml.writeAttribute("source", f.rule());
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
        });
    }
}
