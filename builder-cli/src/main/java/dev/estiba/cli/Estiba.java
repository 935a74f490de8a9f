package dev.estiba.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code estiba} command. Each subcommand is its own class; this one only wires them up.
 *
 * <p>Exit codes: {@value ExitCodes#OK} ok, {@value ExitCodes#FINDINGS} findings or a failed build,
 * {@value ExitCodes#USAGE} usage or input error.
 */
@Command(
    name = "estiba",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Daemonless Dockerfile parser, linter and OCI image builder.",
    subcommands = {
        CommandLine.HelpCommand.class,
        ParseCommand.class,
        PlanCommand.class,
        ConvertCommand.class,
        InspectCommand.class,
        LoadCommand.class,
        ImagesCommand.class,
        SaveCommand.class,
        BuildCommand.class,
        CacheCommand.class,
        LintCommand.class,
        LoginCommand.class,
        LogoutCommand.class,
        PullCommand.class,
        PushCommand.class,
        RunCommand.class,
    })
public final class Estiba implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    /** A command line set up as the {@code estiba} binary runs it: exit codes and error handling included. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Estiba());
        cl.setExitCodeExceptionMapper(ExitCodes::forException);
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExecutionExceptionHandler(new FailureHandler());
        // estiba run IMAGE CMD...: everything after the image belongs to the container's command.
        cl.getSubcommands().get("run").setStopAtPositional(true);
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
