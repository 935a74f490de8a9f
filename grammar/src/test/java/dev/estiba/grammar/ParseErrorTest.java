package dev.estiba.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every parse error: its exact message, line and column. */
class ParseErrorTest {

    static Stream<Arguments> cases() {
        String tooLong = "LABEL x=" + "a".repeat(65536 - 8);
        return Stream.of(
                row("RUNN x\n", 1, 1, "unknown instruction: RUNN (did you mean RUN?)"),
                row("FROM a\n  copyy a b\n", 2, 3, "unknown instruction: copyy (did you mean COPY?)"),
                row("FROM a\nENTRYPIONT x\n", 2, 1, "unknown instruction: ENTRYPIONT (did you mean ENTRYPOINT?)"),
                row("FOO bar\n", 1, 1, "unknown instruction: FOO"),
                row("FROM a\nRUN a \\\n  b\nfrm c\n", 4, 1, "unknown instruction: frm (did you mean FROM?)"),
                row("ONBUILD RUNN x\n", 1, 9, "unknown instruction: RUNN (did you mean RUN?)"),
                row("ONBUILD ONBUILD RUN x\n", 1, 9, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"),
                row("", 1, 1, "file with no instructions"),
                row("# only a comment\n\n", 2, 1, "file with no instructions"),
                row("ENV PATH\n", 1, 5, "ENV must have two arguments"),
                row("LABEL   key\n", 1, 9, "LABEL must have two arguments"),
                row("LABEL a=b c\n", 1, 11, "Syntax error - can't find = in \"c\". Must be of the form: name=value"),
                row("CMD [\"echo\", 1]\n", 1, 14,
                        "when using JSON array syntax, arrays must be comprised of strings only"),
                row("COPY [\"a\", null]\n", 1, 12,
                        "when using JSON array syntax, arrays must be comprised of strings only"),
                row("HEALTHCHECK CMD [[\"x\"]]\n", 1, 18,
                        "when using JSON array syntax, arrays must be comprised of strings only"),
                row("# escape=x\nFROM a\n", 1, 10, "invalid escape token 'x' does not match ` or \\"),
                row("# syntax=a\n#SYNTAX = b\nFROM a\n", 2, 1, "only one syntax parser directive can be used"),
                row("RUN <<EOF\nhello\n", 1, 5, "unterminated heredoc: EOF (opened by <<EOF on line 1)"),
                row("RUN a \\\n  b <<-END\nx\n", 2, 5, "unterminated heredoc: END (opened by <<-END on line 2)"),
                row("RUN echo <<EOF \\\nhello \\\nEOF > out\n", 1, 10,
                        "unterminated heredoc: EOF (opened by <<EOF on line 1)"),
                row("RUN cat <<'EOF\nx\nEOF\n", 1, 11, "unterminated single quote in heredoc delimiter 'EOF"),
                row("FROM a\n" + tooLong + "\n", 2, 1, "dockerfile line greater than max allowed size of 65535"),
                row("\\\n\n", 1, 1, "instruction expected after the line continuation"),
                row("CMD " + "[".repeat(1001) + "\n", 1, 1005, "JSON array nested deeper than 1000 levels"),
                row("CMD " + "[".repeat(1000) + "]".repeat(1000) + "\n", 1, 6,
                        "when using JSON array syntax, arrays must be comprised of strings only"));
    }

    private static Arguments row(String dockerfile, int line, int column, String message) {
        return Arguments.of(dockerfile, line, column, message);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportsWhereAndWhat(String dockerfile, int line, int column, String message) {
        DockerfileParseException e = assertThrows(DockerfileParseException.class,
                () -> DockerfileParser.parse("Dockerfile", dockerfile));
        assertEquals(message, e.detail());
        assertEquals(line + ":" + column, e.line() + ":" + e.column());
        assertEquals("Dockerfile:" + line + ":" + column + ": " + message, e.getMessage());
    }

    @Test
    void rendersTheLineAndACaret() {
        DockerfileParseException e = assertThrows(DockerfileParseException.class,
                () -> DockerfileParser.parse("Dockerfile", "FROM a\n\t  copyy a b\r\n"));
        assertEquals("Dockerfile:2:4: unknown instruction: copyy (did you mean COPY?)\n\t  copyy a b\n\t  ^", e.render());
    }

    @Test
    void acceptsTheLongestLineBuildkitAccepts() {
        String longest = "LABEL x=" + "é".repeat((65535 - 8) / 2) + "a";
        assertEquals(65535, longest.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertEquals(1, DockerfileParser.parse("Dockerfile", longest + "\n").instructions().size());
        DockerfileParseException e = assertThrows(DockerfileParseException.class,
                () -> DockerfileParser.parse("Dockerfile", longest + "a\n"));
        assertEquals("dockerfile line greater than max allowed size of 65535", e.detail());
    }
}
