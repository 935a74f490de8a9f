package dev.estiba.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EstibaCommandTest {

    /** One in-process run of the command line: its exit code and what it printed (shared by the CLI tests). */
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        return run(Estiba.commandLine(), args);
    }

    /** Runs {@code args} on {@code cl}, capturing its output and error writers. */
    static Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void versionNamesTheProjectVersion() {
        Run r = run("--version");
        assertEquals(ExitCodes.OK, r.exit());
        assertTrue(r.out().matches("estiba \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), r.out());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run r = run("--no-such-option");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("Unknown option: '--no-such-option'"), r.err());
    }

    @Test
    void noSubcommandIsAUsageError() {
        Run r = run();
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("missing subcommand"), r.err());
    }
}
