package dev.estiba.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where registry credentials come from, in this order: {@code $REGISTRY_AUTH_FILE}, the docker config
 * ({@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}), then the containers default
 * {@code auth.json} ({@code $XDG_RUNTIME_DIR/containers/auth.json}, {@code ~/.config/containers/auth.json}).
 * In each file a {@code credHelpers} entry, else {@code credsStore}, is asked first and {@code auths} after,
 * as docker does. {@link #store} and {@link #erase} are {@code docker login} and {@code docker logout}.
 *
 * <p>jib-core's DockerConfigCredentialRetriever is not used: it ignores {@code $DOCKER_CONFIG}, cannot
 * store or erase, and hides helper failures in log events.
 */
public final class Credentials {
    /** The key docker files Docker Hub credentials under. */
    public static final String DOCKER_HUB_SERVER = "https://index.docker.io/v1/";

    private final Path dockerConfigFile;
    private final List<Path> lookupFiles;
    private final Map<String, String> environment;

    private Credentials(Path dockerConfigFile, List<Path> lookupFiles, Map<String, String> environment) {
        this.dockerConfigFile = dockerConfigFile;
        this.lookupFiles = List.copyOf(lookupFiles);
        this.environment = Map.copyOf(environment);
    }

    /** Credentials as docker, podman and skopeo find them in this environment (HOME, DOCKER_CONFIG, ...). */
    public static Credentials fromEnvironment(Map<String, String> environment) {
        return fromEnvironment(environment, null);
    }

    /**
     * Like {@link #fromEnvironment(Map)}, with docker's {@code --config DIR} overriding {@code $DOCKER_CONFIG}
     * when not null.
     */
    public static Credentials fromEnvironment(Map<String, String> environment, Path dockerConfigDir) {
        Path home = Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")));
        Path configDir = dockerConfigDir != null ? dockerConfigDir
            : environment.containsKey("DOCKER_CONFIG") ? Path.of(environment.get("DOCKER_CONFIG"))
            : home.resolve(".docker");
        Path dockerConfig = configDir.resolve("config.json");
        List<Path> files = new ArrayList<>();
        if (environment.containsKey("REGISTRY_AUTH_FILE")) {
            files.add(Path.of(environment.get("REGISTRY_AUTH_FILE")));
        }
        files.add(dockerConfig);
        if (environment.containsKey("XDG_RUNTIME_DIR")) {
            files.add(Path.of(environment.get("XDG_RUNTIME_DIR"), "containers", "auth.json"));
        }
        files.add(home.resolve(".config/containers/auth.json"));
        return new Credentials(dockerConfig, files, environment);
    }

    /** The docker config file that {@link #store} and {@link #erase} write. */
    public Path dockerConfigFile() {
        return dockerConfigFile;
    }

    /** The files looked in, in order. */
    public List<Path> lookupFiles() {
        return lookupFiles;
    }

    /** The key docker uses for a registry in its config and helpers. */
    public static String serverAddress(String registry) {
        return ImageReference.isDockerHub(registry) ? DOCKER_HUB_SERVER : registry;
    }

    /** The credential for a repository in a registry, if any file or helper has one. */
    public Optional<Credential> find(String registry, String repository) throws RegistryException {
        String server = serverAddress(registry);
        for (Path file : lookupFiles) {
            AuthFile auth = AuthFile.read(file);
            Optional<String> helper = auth.helperFor(server);
            if (helper.isPresent()) {
                Optional<Credential> c = new CredentialHelper(helper.get(), environment).get(server);
                if (c.isPresent()) {
                    return c;
                }
            }
            Optional<Credential> c = auth.auth(registry, repository);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    /** Saves a credential for a registry in the docker config, or in its helper when one is configured. */
    public void store(String registry, Credential credential) throws RegistryException {
        String server = serverAddress(registry);
        AuthFile file = AuthFile.read(dockerConfigFile);
        Optional<String> helper = file.helperFor(server);
        file.removeAuth(registry);
        if (helper.isPresent()) {
            new CredentialHelper(helper.get(), environment).store(server, credential);
            file.putHelperEntry(server);
        } else {
            file.putAuth(server, credential);
        }
        file.write();
    }

    /** Removes a registry's credential from the docker config and its helper; whether there was an entry. */
    public boolean erase(String registry) throws RegistryException {
        String server = serverAddress(registry);
        AuthFile file = AuthFile.read(dockerConfigFile);
        Optional<String> helper = file.helperFor(server);
        if (helper.isPresent()) {
            new CredentialHelper(helper.get(), environment).erase(server);
        }
        boolean removed = file.removeAuth(registry);
        if (removed) {
            file.write();
        }
        return removed || helper.isPresent();
    }
}
