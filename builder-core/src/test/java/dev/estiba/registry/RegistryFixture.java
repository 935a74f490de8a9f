package dev.estiba.registry;

import dev.estiba.image.Digest;
import dev.estiba.image.ImageIndex;
import dev.estiba.image.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A running test registry with a client set up to use it, and helpers shared by the registry tests. */
public final class RegistryFixture implements AutoCloseable {
    public final TestRegistry registry;
    public final Path dir;
    public final List<RegistryEvent> events = new CopyOnWriteArrayList<>();
    public final Map<String, String> environment = new HashMap<>();

    private RegistryFixture(TestRegistry registry, Path dir) {
        this.registry = registry;
        this.dir = dir;
    }

    /** Starts a registry in dir/registry and, for the authenticated setups, logs in with the right password. */
    public static RegistryFixture start(TestRegistry.Mode mode, Path dir) throws IOException {
        return start(mode, dir, java.net.InetAddress.getLoopbackAddress());
    }

    /** As {@link #start(TestRegistry.Mode, Path)}, with the registry listening on {@code address}. */
    public static RegistryFixture start(TestRegistry.Mode mode, Path dir, java.net.InetAddress address)
        throws IOException {
        TestRegistry reg = TestRegistry.start(mode, Files.createDirectories(dir.resolve("registry")), address);
        RegistryFixture f = new RegistryFixture(reg, dir);
        f.environment.put("HOME", dir.resolve("home").toString());
        f.environment.put("DOCKER_CONFIG", dir.resolve("docker").toString());
        f.environment.put("PATH", "/usr/bin:/bin");
        if (mode != TestRegistry.Mode.PLAIN_HTTP) {
            f.credentials().store(reg.host(), new Credential(TestRegistry.USER, TestRegistry.PASSWORD));
        }
        return f;
    }

    public Credentials credentials() {
        return Credentials.fromEnvironment(environment);
    }

    public RegistryOptions options() {
        RegistryOptions o = RegistryOptions.defaults(environment).withCertsDirectories(List.of())
            .withRetries(8, java.time.Duration.ofMillis(100));
        return registry.mode() == TestRegistry.Mode.TLS_BASIC ? o.withCaCertificate(registry.caCertificate()) : o;
    }

    public RegistryClient client() {
        return RegistryClient.create(options(), credentials(), events::add);
    }

    public ImageReference ref(String repoAndTag) {
        return ImageReference.parse(registry.host() + "/" + repoAndTag);
    }

    /** skopeo with the flags this registry needs for source (--src-...) or destination (--dest-...) use. */
    public List<String> skopeo(String command, String side) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("skopeo", command));
        String prefix = side.isEmpty() ? "--" : "--" + side + "-";
        switch (registry.mode()) {
            case PLAIN_HTTP -> cmd.add(prefix + "tls-verify=false");
            case TLS_BASIC -> {
                Path certs = dir.resolve("skopeo-certs");
                if (!Files.exists(certs)) {
                    Files.createDirectories(certs);
                    Files.copy(registry.caCertificate(), certs.resolve("ca.crt"));
                }
                cmd.addAll(List.of(prefix + "cert-dir", certs.toString(),
                    prefix + "creds", TestRegistry.USER + ":" + TestRegistry.PASSWORD));
            }
            case TOKEN -> cmd.addAll(List.of(prefix + "tls-verify=false",
                prefix + "creds", TestRegistry.USER + ":" + TestRegistry.PASSWORD));
            default -> throw new IllegalStateException();
        }
        return cmd;
    }

    /** Runs skopeo and fails with its output when it fails. */
    public String run(List<String> command) throws IOException {
        TestProcesses.Result r = TestProcesses.exec(dir, command);
        if (r.exit() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + r.output() + "\nregistry log:\n"
                + registry.log());
        }
        return r.output();
    }

    /** The top manifest of an OCI layout (the one index.json names) and its bytes. */
    public static byte[] layoutTop(Path layout) throws IOException {
        ImageIndex index = ImageIndex.parse(Files.readAllBytes(layout.resolve("index.json")), "index.json");
        Digest d = index.manifests().get(0).digest();
        return Files.readAllBytes(layout.resolve("blobs/sha256").resolve(d.hex()));
    }

    public static String mediaTypeOf(byte[] manifest) {
        return Manifest.parse(manifest, "manifest").effectiveMediaType();
    }

    @Override
    public void close() {
        registry.close();
    }
}
