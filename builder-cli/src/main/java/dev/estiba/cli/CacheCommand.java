package dev.estiba.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code estiba cache}: the groups {@code du} and {@code prune}. */
@Command(name = "cache", mixinStandardHelpOptions = true,
    description = "Inspect and clean the cache (content store and local images).",
    subcommands = {CacheDuCommand.class, CachePruneCommand.class})
final class CacheCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (du or prune)");
    }
}
