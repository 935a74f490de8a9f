package dev.estiba.cli;

import dev.estiba.registry.Credentials;
import dev.estiba.registry.RegistryOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every registry command shares: trust, insecure hosts and where credentials live. */
final class RegistryFlags {
    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
        description = "Allow plain HTTP and skip TLS certificate checks for this registry (repeatable).")
    List<String> insecureRegistries = new ArrayList<>();

    @Option(names = "--tls-ca-cert", paramLabel = "FILE",
        description = "Also trust the CA certificates in this PEM file.")
    Path caCertificate;

    @Option(names = "--certs-dir", paramLabel = "DIR",
        description = "Per-registry CA directories laid out as DIR/HOST:PORT/*.crt (repeatable; default "
            + "/etc/docker/certs.d and /etc/containers/certs.d).")
    List<Path> certsDirectories = new ArrayList<>();

    @Option(names = "--config", paramLabel = "DIR",
        description = "Docker client config directory holding config.json (default $DOCKER_CONFIG or ~/.docker).")
    Path dockerConfig;

    RegistryOptions options(Map<String, String> environment) {
        String version = new VersionProvider().getVersion()[0].replace("estiba ", "");
        RegistryOptions o = RegistryOptions.defaults(environment)
            .withInsecureRegistries(new HashSet<>(insecureRegistries))
            .withUserAgent("estiba/" + version);
        if (!certsDirectories.isEmpty()) {
            o = o.withCertsDirectories(certsDirectories);
        }
        return caCertificate == null ? o : o.withCaCertificate(caCertificate);
    }

    Credentials credentials(Map<String, String> environment) {
        return Credentials.fromEnvironment(environment, dockerConfig);
    }
}
