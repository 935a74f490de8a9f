package dev.estiba.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A docker {@code config.json} or a containers {@code auth.json}: the {@code auths}, {@code credHelpers} and
 * {@code credsStore} entries. Other fields are kept untouched when the file is written back.
 */
final class AuthFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path path;
    private final ObjectNode root;

    private AuthFile(Path path, ObjectNode root) {
        this.path = path;
        this.root = root;
    }

    /** Reads the file; a missing file is an empty one. */
    static AuthFile read(Path path) throws RegistryException {
        if (!Files.exists(path)) {
            return new AuthFile(path, JSON.createObjectNode());
        }
        try {
            JsonNode tree = JSON.readTree(Files.readAllBytes(path));
            if (tree == null || tree.isMissingNode()) {
                return new AuthFile(path, JSON.createObjectNode());
            }
            if (!(tree instanceof ObjectNode object)) {
                throw new RegistryException(RegistryException.Kind.CREDENTIALS, path + ": expected a JSON object");
            }
            return new AuthFile(path, object);
        } catch (IOException e) {
            if (e instanceof RegistryException re) {
                throw re;
            }
            throw new RegistryException(RegistryException.Kind.CREDENTIALS, path + ": cannot read: "
                + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    /** The credential helper for a server address: its {@code credHelpers} entry, else {@code credsStore}. */
    Optional<String> helperFor(String serverAddress) {
        String helper = root.path("credHelpers").path(serverAddress).asText("");
        if (helper.isEmpty()) {
            helper = root.path("credsStore").asText("");
        }
        return helper.isEmpty() ? Optional.empty() : Optional.of(helper);
    }

    /**
     * The {@code auths} entry for a repository: the most specific key among {@code host/repo/path},
     * its parent namespaces and {@code host} (keys may carry a scheme or docker's {@code /v1/} suffix).
     */
    Optional<Credential> auth(String registry, String repository) throws RegistryException {
        JsonNode auths = root.path("auths");
        String best = null;
        JsonNode bestEntry = null;
        String wanted = keyOf(registry) + (repository == null ? "" : "/" + repository);
        for (Map.Entry<String, JsonNode> e : auths.properties()) {
            String key = normalise(e.getKey());
            boolean matches = wanted.equals(key) || wanted.startsWith(key + "/");
            if (matches && (best == null || key.length() > best.length())) {
                best = key;
                bestEntry = e.getValue();
            }
        }
        return bestEntry == null ? Optional.empty() : decode(bestEntry, best);
    }

    private Optional<Credential> decode(JsonNode entry, String key) throws RegistryException {
        String identityToken = entry.path("identitytoken").asText("");
        if (!identityToken.isEmpty()) {
            return Optional.of(new Credential(Credential.IDENTITY_TOKEN_USER, identityToken));
        }
        String auth = entry.path("auth").asText("");
        if (!auth.isEmpty()) {
            String pair;
            try {
                pair = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new RegistryException(RegistryException.Kind.CREDENTIALS,
                    path + ": auths entry for " + key + " is not valid base64");
            }
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new RegistryException(RegistryException.Kind.CREDENTIALS,
                    path + ": auths entry for " + key + " is not user:password");
            }
            return Optional.of(new Credential(pair.substring(0, colon), pair.substring(colon + 1)));
        }
        String user = entry.path("username").asText("");
        String password = entry.path("password").asText("");
        return password.isEmpty() ? Optional.empty() : Optional.of(new Credential(user, password));
    }

    /** Stores a credential under a server address, as docker's file store does: base64 {@code user:secret}. */
    void putAuth(String serverAddress, Credential credential) {
        ObjectNode entry = auths().putObject(serverAddress);
        if (credential.isIdentityToken()) {
            entry.put("identitytoken", credential.secret());
        } else {
            entry.put("auth", Base64.getEncoder().encodeToString(
                (credential.username() + ":" + credential.secret()).getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Records a server whose secret lives in a helper: an empty entry, as docker writes it. */
    void putHelperEntry(String serverAddress) {
        auths().putObject(serverAddress);
    }

    /** Removes every {@code auths} entry for this registry; whether there was one. */
    boolean removeAuth(String registry) {
        JsonNode auths = root.get("auths");
        if (!(auths instanceof ObjectNode object)) {
            return false;
        }
        String key = keyOf(registry);
        return object.properties().removeIf(e -> normalise(e.getKey()).equals(key));
    }

    private ObjectNode auths() {
        JsonNode auths = root.get("auths");
        return auths instanceof ObjectNode o ? o : root.putObject("auths");
    }

    /** Writes the file under a temporary name with mode 0600 and renames it into place. */
    void write() throws RegistryException {
        try {
            Path dir = path.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            }
            Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(tmp, JSON.writeValueAsBytes(root));
                try {
                    Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new RegistryException(RegistryException.Kind.CREDENTIALS, "cannot write " + path + ": "
                + e.getMessage(), e);
        }
    }

    /** {@code https://index.docker.io/v1/} and {@code docker.io} are the same key; schemes and /v1/ go. */
    static String normalise(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.startsWith("https://")) {
            k = k.substring(8);
        } else if (k.startsWith("http://")) {
            k = k.substring(7);
        }
        for (String suffix : new String[] {"/v1/", "/v1", "/v2/", "/v2", "/"}) {
            if (k.endsWith(suffix)) {
                k = k.substring(0, k.length() - suffix.length());
                break;
            }
        }
        int slash = k.indexOf('/');
        String host = slash < 0 ? k : k.substring(0, slash);
        String rest = slash < 0 ? "" : k.substring(slash);
        return keyOf(host) + rest;
    }

    private static String keyOf(String registry) {
        String r = registry.toLowerCase(Locale.ROOT);
        return ImageReference.isDockerHub(r) ? ImageReference.DOCKER_HUB : r;
    }
}
