package dev.estiba.cli;

import dev.estiba.registry.Credential;
import dev.estiba.registry.Credentials;
import dev.estiba.registry.ImageReference;
import dev.estiba.registry.RegistryClient;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code estiba login}: checks a credential against a registry and saves it as {@code docker login} does. */
@Command(name = "login", mixinStandardHelpOptions = true,
    description = "Log in to a registry and save the credential in the docker config (or its credential helper).")
public final class LoginCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SERVER", defaultValue = "docker.io",
        description = "The registry host[:port] (default: ${DEFAULT-VALUE}).")
    String server;

    @Option(names = {"-u", "--username"}, description = "User name.")
    String username;

    @Option(names = {"-p", "--password"}, description = "Password or token (prefer --password-stdin).")
    String password;

    @Option(names = "--password-stdin", description = "Read the password or token from standard input.")
    boolean passwordStdin;

    @Mixin
    RegistryFlags registry;

    @Override
    public void run() {
        String host = serverHost(server);
        Map<String, String> env = System.getenv();
        if (password != null && passwordStdin) {
            throw new InputException("estiba: --password and --password-stdin are mutually exclusive");
        }
        if (passwordStdin && username == null) {
            throw new InputException("estiba: --password-stdin needs --username");
        }
        if (password != null) {
            spec.commandLine().getErr().println("WARNING! Using --password via the CLI is insecure. Use --password-stdin.");
        }
        String user = username;
        String secret = password;
        if (passwordStdin) {
            secret = readStdin();
        }
        if (user == null || secret == null) {
            Console console = System.console();
            if (console == null) {
                throw new InputException("estiba: cannot ask for a " + (user == null ? "user name" : "password")
                    + " without a terminal; use --username with --password-stdin");
            }
            if (user == null) {
                user = console.readLine("Username: ");
            }
            if (secret == null) {
                char[] chars = console.readPassword("Password: ");
                secret = chars == null ? "" : new String(chars);
            }
        }
        if (user == null || user.isEmpty() || secret.isEmpty()) {
            throw new InputException("estiba: login to " + host + ": user name and password must not be empty");
        }
        Credential credential = new Credential(user, secret);
        Credentials credentials = registry.credentials(env);
        RegistryErrors.run(() -> {
            RegistryClient client = RegistryClient.create(registry.options(env), credentials, null);
            client.checkLogin(host, credential);
            credentials.store(host, credential);
        });
        spec.commandLine().getOut().println("Login Succeeded");
    }

    /** {@code https://index.docker.io/v1/}, {@code docker.io} and {@code host:port/} all name a registry host. */
    static String serverHost(String server) {
        String s = server.strip();
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        if (s.isEmpty()) {
            throw new InputException("estiba: invalid registry \"" + server + "\"");
        }
        return ImageReference.isDockerHub(s) ? ImageReference.DOCKER_HUB : s.toLowerCase(Locale.ROOT);
    }

    private static String readStdin() {
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            StringBuilder all = new StringBuilder();
            for (int c; (c = r.read()) >= 0; ) {
                all.append((char) c);
            }
            // docker trims the trailing newline a shell pipe adds.
            String s = all.toString();
            while (s.endsWith("\n") || s.endsWith("\r")) {
                s = s.substring(0, s.length() - 1);
            }
            return s;
        } catch (IOException e) {
            throw new InputException("estiba: cannot read the password from standard input: " + e.getMessage(), e);
        }
    }
}
