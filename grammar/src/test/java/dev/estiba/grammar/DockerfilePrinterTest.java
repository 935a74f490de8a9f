package dev.estiba.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.grammar.tree.Dockerfile;
import org.junit.jupiter.api.Test;

/** The printer's choices: comments kept in place, long lines wrapped, the file still parsing to the same tree. */
class DockerfilePrinterTest {

    private static String print(String text) {
        return DockerfilePrinter.print(DockerfileParser.parse("Dockerfile", text));
    }

    @Test
    void printsFromTheParts() {
        assertEquals("""
                # syntax=x
                # escape=`

                # top
                from a AS b
                RUN `
                  # inside
                --mount=type=cache,target=/c echo  hi
                RUN <<-EOF cat
                \tbody
                EOF
                """, print("# syntax=x\n#escape = `\n\n# top\nfrom a AS b\nRUN --mount=type=cache,target=/c echo `\n"
                + "  # inside\n hi\nRUN <<-EOF cat\n\tbody\n\tEOF\n"));
    }

    @Test
    void commentInsideIsMovedAboveWhenTheRestStartsWithHash() {
        assertEquals("# c\nRUN #x  y\n", print("RUN #x \\\n# c\n y\n"));
    }

    @Test
    void keepsADoubleDashThatProtectsTheArguments() {
        assertEquals("RUN --a -- --b\n", print("RUN --a -- --b\n"));
    }

    @Test
    void wrapsLogicalLinesBuildkitWouldRefuse() {
        String text = "FROM a\nRUN echo \\\n" + "  && echo more \\\n".repeat(20_000) + "  && echo end\n";
        Dockerfile first = DockerfileParser.parse("long", text);
        String printed = DockerfilePrinter.print(first);
        assertTrue(printed.lines().allMatch(l -> l.length() < LogicalLineReader.MAX_LINE_BYTES), "a line is too long");
        assertEquals(BuildkitDump.dump(first), BuildkitDump.dump(DockerfileParser.parse("printed", printed)));
    }
}
