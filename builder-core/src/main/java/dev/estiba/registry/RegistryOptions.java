package dev.estiba.registry;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to reach registries.
 *
 * @param insecureRegistries hosts ({@code host} or {@code host:port}) that may be reached over plain HTTP or
 *     HTTPS without certificate checks, as docker's {@code --insecure-registry}; loopback hosts may always use
 *     plain HTTP, but their certificates are still checked when they speak HTTPS
 * @param caCertificate an extra trusted CA bundle (PEM) for every registry, or null
 * @param certsDirectories roots of per-registry CA directories laid out as docker's {@code certs.d}:
 *     {@code ROOT/host:port/*.crt}
 * @param environment the environment to read {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} from
 * @param maxAttempts attempts per request or blob before a connection error or 5xx answer is final
 * @param initialBackoff the wait before the first retry; doubled for each later one
 * @param parallelBlobs how many blobs are transferred at once
 * @param connectTimeout the TCP and TLS connect timeout
 * @param userAgent the User-Agent header
 */
public record RegistryOptions(
    Set<String> insecureRegistries,
    Path caCertificate,
    List<Path> certsDirectories,
    Map<String, String> environment,
    int maxAttempts,
    Duration initialBackoff,
    int parallelBlobs,
    Duration connectTimeout,
    String userAgent) {

    /** Where docker and podman keep per-registry CA certificates. */
    public static final List<Path> DEFAULT_CERTS_DIRECTORIES =
        List.of(Path.of("/etc/docker/certs.d"), Path.of("/etc/containers/certs.d"));

    public RegistryOptions {
        insecureRegistries = Set.copyOf(insecureRegistries.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
        certsDirectories = List.copyOf(certsDirectories);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        if (maxAttempts < 1 || parallelBlobs < 1) {
            throw new IllegalArgumentException("maxAttempts and parallelBlobs must be at least 1");
        }
    }

    /** The defaults: system trust, the standard certs.d roots, 6 attempts from 250 ms, 6 blobs at once. */
    public static RegistryOptions defaults(Map<String, String> environment) {
        // Six blobs at once, as skopeo (containers/image) copies layers.
        return new RegistryOptions(Set.of(), null, DEFAULT_CERTS_DIRECTORIES, environment, 6,
            Duration.ofMillis(250), 6, Duration.ofSeconds(30), "estiba");
    }

    public RegistryOptions withInsecureRegistries(Set<String> hosts) {
        return new RegistryOptions(hosts, caCertificate, certsDirectories, environment, maxAttempts, initialBackoff,
            parallelBlobs, connectTimeout, userAgent);
    }

    public RegistryOptions withCaCertificate(Path file) {
        return new RegistryOptions(insecureRegistries, file, certsDirectories, environment, maxAttempts,
            initialBackoff, parallelBlobs, connectTimeout, userAgent);
    }

    public RegistryOptions withCertsDirectories(List<Path> roots) {
        return new RegistryOptions(insecureRegistries, caCertificate, roots, environment, maxAttempts,
            initialBackoff, parallelBlobs, connectTimeout, userAgent);
    }

    public RegistryOptions withRetries(int attempts, Duration firstBackoff) {
        return new RegistryOptions(insecureRegistries, caCertificate, certsDirectories, environment, attempts,
            firstBackoff, parallelBlobs, connectTimeout, userAgent);
    }

    public RegistryOptions withParallelBlobs(int blobs) {
        return new RegistryOptions(insecureRegistries, caCertificate, certsDirectories, environment, maxAttempts,
            initialBackoff, blobs, connectTimeout, userAgent);
    }

    public RegistryOptions withUserAgent(String agent) {
        return new RegistryOptions(insecureRegistries, caCertificate, certsDirectories, environment, maxAttempts,
            initialBackoff, parallelBlobs, connectTimeout, agent);
    }

    /** Whether a host was named insecure: certificates are not checked and plain HTTP is allowed. */
    public boolean isInsecure(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return insecureRegistries.contains(h) || insecureRegistries.contains(hostOnly(h));
    }

    /** Whether plain HTTP may be tried for a host: insecure ones and loopback, as docker allows. */
    public boolean allowsPlainHttp(String host) {
        return isInsecure(host) || isLoopback(hostOnly(host));
    }

    static String hostOnly(String hostPort) {
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            return end < 0 ? hostPort : hostPort.substring(1, end);
        }
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-f:]+")) {
            return false; // never resolve names here: only literals and localhost count
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
