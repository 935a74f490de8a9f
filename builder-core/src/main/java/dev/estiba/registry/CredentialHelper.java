package dev.estiba.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A docker credential helper ({@code docker-credential-NAME get|store|erase}), speaking its JSON protocol on
 * stdin/stdout. Written here rather than taken from jib-core, whose helper can only {@code get}, is looked up
 * on the JVM's own PATH and turns every failure into a logged warning.
 */
final class CredentialHelper {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 60;

    private final String name;
    private final Map<String, String> environment;

    CredentialHelper(String name, Map<String, String> environment) {
        this.name = name;
        this.environment = environment;
    }

    String command() {
        return "docker-credential-" + name;
    }

    /** The stored credential for a server, or empty when the helper has none. */
    Optional<Credential> get(String serverUrl) throws RegistryException {
        Result r = run("get", serverUrl);
        if (r.exit != 0) {
            if (r.output.toLowerCase(java.util.Locale.ROOT).contains("credentials not found")) {
                return Optional.empty();
            }
            throw failure("get", serverUrl, r);
        }
        try {
            JsonNode node = JSON.readTree(r.output);
            String user = node.path("Username").asText("");
            String secret = node.path("Secret").asText("");
            return secret.isEmpty() ? Optional.empty() : Optional.of(new Credential(user, secret));
        } catch (IOException e) {
            throw new RegistryException(RegistryException.Kind.CREDENTIALS,
                command() + " get " + serverUrl + ": unreadable answer: " + e.getMessage(), e);
        }
    }

    void store(String serverUrl, Credential credential) throws RegistryException {
        String body = JSON.createObjectNode().put("ServerURL", serverUrl).put("Username", credential.username())
            .put("Secret", credential.secret()).toString();
        Result r = run("store", body);
        if (r.exit != 0) {
            throw failure("store", serverUrl, r);
        }
    }

    void erase(String serverUrl) throws RegistryException {
        Result r = run("erase", serverUrl);
        if (r.exit != 0 && !r.output.toLowerCase(java.util.Locale.ROOT).contains("credentials not found")) {
            throw failure("erase", serverUrl, r);
        }
    }

    private RegistryException failure(String action, String serverUrl, Result r) {
        return new RegistryException(RegistryException.Kind.CREDENTIALS,
            command() + " " + action + " " + serverUrl + " failed (exit " + r.exit + "): " + r.output.strip());
    }

    private record Result(int exit, String output) {
    }

    private Result run(String action, String input) throws RegistryException {
        Path executable = find().orElseThrow(() -> new RegistryException(RegistryException.Kind.CREDENTIALS,
            "credential helper " + command() + " not found on PATH"));
        Path out = null;
        try {
            out = Files.createTempFile("estiba-credential-", ".out");
            ProcessBuilder pb = new ProcessBuilder(executable.toString(), action).redirectErrorStream(true)
                .redirectOutput(out.toFile());
            pb.environment().putAll(environment);
            Process p = pb.start();
            try (OutputStream stdin = p.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new RegistryException(RegistryException.Kind.CREDENTIALS,
                    command() + " " + action + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RegistryException(RegistryException.Kind.CREDENTIALS, command() + " " + action + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(RegistryException.Kind.CREDENTIALS, command() + " interrupted", e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    /** Looks the helper up on the PATH of the environment we were given (tests and callers control it). */
    private Optional<Path> find() {
        String path = environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, command());
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
