package dev.estiba.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@link Estiba#commandLine(String...)} builds one subcommand's model only, and it must behave as the whole one. */
class SubcommandFastPathTest {

    static Stream<String> subcommands() {
        return Estiba.commandLine().getSubcommands().keySet().stream().filter(n -> !n.equals("help"));
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void buildsOnlyTheNamedSubcommandWithTheSameUsage(String name) {
        CommandLine fast = Estiba.commandLine(name, "--some-argument");
        assertEquals(Set.of(name), fast.getSubcommands().keySet());
        CommandLine whole = Estiba.commandLine().getSubcommands().get(name);
        assertEquals(whole.getUsageMessage(CommandLine.Help.Ansi.OFF),
            fast.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF));
        assertEquals(whole.getCommandSpec().qualifiedName(), fast.getSubcommands().get(name).getCommandSpec().qualifiedName());
        assertEquals(whole.isStopAtPositional(), fast.getSubcommands().get(name).isStopAtPositional());
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void aBadOptionGivesTheSameErrorAndExitCode(String name) {
        List<String> args = List.of(name, "--no-such-option-anywhere");
        String[] a = args.toArray(String[]::new);
        assertEquals(run(Estiba.commandLine(), a), run(Estiba.commandLine(a), a));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "--version", "help", "no-such-command", "-x"})
    void anythingElseGetsTheWholeCommandLine(String first) {
        CommandLine cl = Estiba.commandLine(first);
        assertEquals(Estiba.commandLine().getSubcommands().keySet(), cl.getSubcommands().keySet());
    }

    @org.junit.jupiter.api.Test
    void runStillStopsAtTheImage() {
        assertTrue(Estiba.commandLine("run").getSubcommands().get("run").isStopAtPositional());
    }

    private static String run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return exit + "\n" + out + "\n" + err;
    }
}
