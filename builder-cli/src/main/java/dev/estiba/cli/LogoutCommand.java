package dev.estiba.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code estiba logout}: removes a registry's saved credential, as {@code docker logout} does. */
@Command(name = "logout", mixinStandardHelpOptions = true,
    description = "Remove a registry's credential from the docker config (and its credential helper).")
public final class LogoutCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SERVER", defaultValue = "docker.io",
        description = "The registry host[:port] (default: ${DEFAULT-VALUE}).")
    String server;

    @Mixin
    RegistryFlags registry;

    @Override
    public void run() {
        String host = LoginCommand.serverHost(server);
        boolean[] removed = new boolean[1];
        RegistryErrors.run(() -> removed[0] = registry.credentials(System.getenv()).erase(host));
        spec.commandLine().getOut().println(removed[0] ? "Removing login credentials for " + host
            : "Not logged in to " + host);
    }
}
