package dev.estiba.cli;

import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

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

    static {
        // picocli looks for Groovy's Closure class when it first creates an object; that miss searches
        // every jar on the class path (37 of them), which is a visible part of a short command's start.
        setIfAbsent("picocli.disable.closures", "true");
        // picocli registers its java.time and java.sql converters by reflection on each start (loading and
        // initialising those classes); no estiba option has such a type.
        setIfAbsent("picocli.converters.excludes", "java\\.(sql|time)\\..*");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    /** A command line set up as the {@code estiba} binary runs it: exit codes and error handling included. */
    public static CommandLine commandLine() {
        return configured(new CommandLine(new Estiba()));
    }

    /**
     * The command line for these arguments. When they start with a subcommand's name, only that
     * subcommand's model is built: picocli otherwise reflects over every subcommand's options on each
     * start, which is most of the start-up of a short command such as {@code estiba lint}. Anything
     * else ({@code --help}, {@code help}, no or unknown subcommand) gets the whole command line.
     */
    public static CommandLine commandLine(String... args) {
        if (args.length > 0 && args[0].equals(LintCommand.NAME)) {
            // Built without reflection: no annotation of any command is read.
            return withSubcommand(new CommandLine(LintCommand.spec(new LintCommand())));
        }
        if (args.length > 0 && args[0].equals(BuildCommand.NAME)) {
            // Likewise: a warm rebuild is mostly start-up.
            return withSubcommand(new CommandLine(BuildCommand.spec(new BuildCommand())));
        }
        Class<?> sub = args.length == 0 ? null : subcommandNamed(args[0]);
        if (sub == null) {
            return commandLine();
        }
        return withSubcommand(new CommandLine(sub));
    }

    /** The root command, without its options and other subcommands, over {@code sub}. */
    private static CommandLine withSubcommand(CommandLine sub) {
        CommandLine cl = new CommandLine(CommandSpec.wrapWithoutInspection(new Estiba()).name(NAME));
        cl.addSubcommand(sub);
        return configured(cl);
    }

    private static final String NAME = "estiba";

    /** The registered subcommand class called {@code name} (or with that alias), except {@code help}. */
    private static Class<?> subcommandNamed(String name) {
        for (Class<?> c : Estiba.class.getAnnotation(Command.class).subcommands()) {
            Command cmd = c.getAnnotation(Command.class);
            if (cmd == null || c == CommandLine.HelpCommand.class) {
                continue;
            }
            if (cmd.name().equals(name) || Arrays.asList(cmd.aliases()).contains(name)) {
                return c;
            }
        }
        return null;
    }

    private static CommandLine configured(CommandLine cl) {
        cl.setExitCodeExceptionMapper(new ExitCodes.Mapper());
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExecutionExceptionHandler(new FailureHandler());
        // estiba run IMAGE CMD...: everything after the image belongs to the container's command.
        CommandLine run = cl.getSubcommands().get("run");
        if (run != null) {
            run.setStopAtPositional(true);
        }
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }
}
