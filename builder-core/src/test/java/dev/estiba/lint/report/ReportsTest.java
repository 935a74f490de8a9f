package dev.estiba.lint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estiba.lint.FileResult;
import dev.estiba.lint.Finding;
import dev.estiba.lint.RuleCatalog;
import dev.estiba.lint.Severity;
import dev.estiba.lint.SourceRange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportsTest {
    static final String SOURCE = "FROM debian\nRUN apt-get install -y curl\n";
    static final List<FileResult> RESULTS = List.of(new FileResult("dir/Docker file", SOURCE, List.of(
        new Finding("DL3006", Severity.WARNING, "Tag the image version explicitly.", new SourceRange(1, 6, 1, 12)),
        new Finding("DL3008", Severity.WARNING, "Pin versions in apt-get install: curl.", new SourceRange(2, 24, 2, 28)),
        new Finding("SC2086", Severity.INFO, "Double quote to prevent \"globbing\" & <splitting>.",
            new SourceRange(2, 5, 2, 9))),
        List.of(RuleCatalog.get("DL3006"), RuleCatalog.get("DL3008"), RuleCatalog.get("DL3009"))));

    static String write(ReportFormat f, boolean color) throws IOException {
        StringBuilder sb = new StringBuilder();
        f.writer(color).write(RESULTS, sb);
        return sb.toString();
    }

    @Test
    void text() throws IOException {
        assertEquals("""
            dir/Docker file:1:6 DL3006 warning: Tag the image version explicitly.
              FROM debian
                   ^
            dir/Docker file:2:24 DL3008 warning: Pin versions in apt-get install: curl.
              RUN apt-get install -y curl
                                     ^
            dir/Docker file:2:5 SC2086 info: Double quote to prevent "globbing" & <splitting>.
              RUN apt-get install -y curl
                  ^
            """, write(ReportFormat.TEXT, false));
        String colored = write(ReportFormat.TEXT, true);
        assertTrue(colored.startsWith("\u001b[1mdir/Docker file:1:6\u001b[0m DL3006 \u001b[33mwarning\u001b[0m: "), colored);
    }

    @Test
    void json() throws IOException {
        JsonNode a = new ObjectMapper().readTree(write(ReportFormat.JSON, false));
        assertEquals(3, a.size());
        assertEquals("{\"code\":\"DL3008\",\"column\":24,\"endColumn\":28,\"endLine\":2,\"file\":\"dir/Docker file\","
            + "\"level\":\"warning\",\"line\":2,\"message\":\"Pin versions in apt-get install: curl.\"}", a.get(1).toString());
    }

    @Test
    void github() throws IOException {
        assertEquals("::warning file=dir/Docker file,line=2,col=24,endLine=2,endColumn=28,title=DL3008::"
            + "DL3008 Pin versions in apt-get install: curl.", write(ReportFormat.GITHUB, false).lines().toList().get(1));
        assertTrue(write(ReportFormat.GITHUB, false).lines().toList().get(2).startsWith("::notice "));
        assertEquals("a%2Cb%3Ac%0A%25", GithubReport.property("a,b:c\n%"));
    }

    @Test
    void gitlabCodeQuality() throws IOException {
        JsonNode a = new ObjectMapper().readTree(write(ReportFormat.GITLAB, false));
        assertEquals(3, a.size());
        for (JsonNode issue : a) {
            for (String field : List.of("description", "check_name", "fingerprint", "severity")) {
                assertTrue(issue.get(field).isTextual(), field);
            }
            assertTrue(issue.at("/location/path").isTextual());
            assertTrue(issue.at("/location/lines/begin").isInt());
            assertTrue(List.of("info", "minor", "major", "critical", "blocker").contains(issue.get("severity").asText()));
        }
        assertEquals("major", a.get(1).get("severity").asText());
        assertEquals(2, a.get(1).at("/location/lines/begin").asInt());
        assertEquals(64, a.get(0).get("fingerprint").asText().length());
        assertTrue(!a.get(0).get("fingerprint").equals(a.get(1).get("fingerprint")));
    }

    @Test
    void sarif() throws IOException {
        JsonNode s = new ObjectMapper().readTree(write(ReportFormat.SARIF, false));
        assertEquals("2.1.0", s.get("version").asText());
        assertEquals(SarifReport.SCHEMA, s.get("$schema").asText());
        JsonNode run = s.at("/runs/0");
        assertEquals("estiba", run.at("/tool/driver/name").asText());
        JsonNode rules = run.at("/tool/driver/rules");
        assertEquals(List.of("DL3006", "DL3008", "DL3009", "SC2086"), rules.findValuesAsText("id"));
        assertEquals("https://github.com/hadolint/hadolint/wiki/DL3008", rules.get(1).get("helpUri").asText());
        assertEquals("https://www.shellcheck.net/wiki/SC2086", rules.get(3).get("helpUri").asText());
        assertEquals("docs/lint/DL3008.md", rules.get(1).at("/properties/docs").asText());
        assertEquals("warning", rules.get(1).at("/defaultConfiguration/level").asText());
        JsonNode results = run.get("results");
        assertEquals(3, results.size());
        JsonNode r = results.get(1);
        assertEquals("DL3008", r.get("ruleId").asText());
        assertEquals(1, r.get("ruleIndex").asInt());
        assertEquals("warning", r.get("level").asText());
        assertEquals("note", results.get(2).get("level").asText());
        assertEquals(3, results.get(2).get("ruleIndex").asInt());
        assertEquals("dir/Docker%20file", r.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("{\"startLine\":2,\"startColumn\":24,\"endLine\":2,\"endColumn\":28}",
            r.at("/locations/0/physicalLocation/region").toString());
        assertTrue(r.at("/message/text").isTextual());
    }

    static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void checkstyle() throws Exception {
        Document d = xml(write(ReportFormat.CHECKSTYLE, false));
        Element root = d.getDocumentElement();
        assertEquals("checkstyle", root.getTagName());
        Element file = (Element) root.getElementsByTagName("file").item(0);
        assertEquals("dir/Docker file", file.getAttribute("name"));
        Element e = (Element) file.getElementsByTagName("error").item(2);
        assertEquals("2", e.getAttribute("line"));
        assertEquals("5", e.getAttribute("column"));
        assertEquals("info", e.getAttribute("severity"));
        assertEquals("SC2086", e.getAttribute("source"));
        assertEquals("Double quote to prevent \"globbing\" & <splitting>.", e.getAttribute("message"));
    }

    @Test
    void junitHasOneCasePerRule() throws Exception {
        Document d = xml(write(ReportFormat.JUNIT, false));
        Element suite = (Element) d.getElementsByTagName("testsuite").item(0);
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("3", suite.getAttribute("failures"));
        var cases = suite.getElementsByTagName("testcase");
        assertEquals(4, cases.getLength());
        Element dl3009 = (Element) cases.item(2);
        assertEquals("DL3009", dl3009.getAttribute("name"));
        assertEquals(0, dl3009.getElementsByTagName("failure").getLength());
        Element failure = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
        assertEquals("warning", failure.getAttribute("type"));
        assertEquals("dir/Docker file:2:24 DL3008 warning: Pin versions in apt-get install: curl.\n",
            failure.getTextContent());
    }

    @Test
    void formatNames() {
        assertEquals(ReportFormat.TEXT, ReportFormat.parse("tty"));
        assertEquals(ReportFormat.GITLAB, ReportFormat.parse("gitlab_codeclimate"));
        assertEquals(ReportFormat.SARIF, ReportFormat.parse("SARIF"));
        assertThrows(IllegalArgumentException.class, () -> ReportFormat.parse("yaml"));
    }
}
