package dev.estiba.lint.report;

import java.io.IOException;
import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Shared plumbing of the XML formats: a StAX writer into a buffer, copied out when complete. */
abstract class XmlReport implements ReportWriter {

    /** Writes the document body. */
    interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    static void document(Appendable out, Body body) throws IOException {
        StringWriter buffer = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(buffer);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write XML report: " + e.getMessage(), e);
        }
        out.append(buffer.toString()).append('\n');
    }
}
