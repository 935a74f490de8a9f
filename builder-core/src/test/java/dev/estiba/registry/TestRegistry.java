package dev.estiba.registry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real registry (Debian's {@code docker-registry}, the CNCF distribution registry) on 127.0.0.1 at a free
 * port, configured one of three ways. Storage and log live under the given directory; {@link #close()} always
 * stops the process.
 */
public final class TestRegistry implements AutoCloseable {

    /** How the registry is reached and who may use it. */
    public enum Mode {
        /** Anonymous, plain HTTP. */
        PLAIN_HTTP,
        /** HTTPS with a certificate from a test CA, htpasswd Basic auth. */
        TLS_BASIC,
        /** Plain HTTP with bearer tokens from {@link TestTokenIssuer}. */
        TOKEN
    }

    public static final String USER = "estiba";
    public static final String PASSWORD = "s3cret-Pass";

    private final Mode mode;
    private final Path dir;
    private final int port;
    private final InetAddress address;
    private final TestTokenIssuer issuer;
    private Process process;

    private TestRegistry(Mode mode, Path dir, InetAddress address, int port, TestTokenIssuer issuer) {
        this.mode = mode;
        this.dir = dir;
        this.address = address;
        this.port = port;
        this.issuer = issuer;
    }

    /** Configures and starts a registry in dir (which must exist), skipping the test if the tools are missing. */
    public static TestRegistry start(Mode mode, Path dir) throws IOException {
        return start(mode, dir, InetAddress.getLoopbackAddress());
    }

    /** As {@link #start(Mode, Path)}, listening on another loopback address (such as {@code ::1}). */
    public static TestRegistry start(Mode mode, Path dir, InetAddress address) throws IOException {
        TestProcesses.assumeInstalled("docker-registry");
        TestProcesses.assumeInstalled("openssl");
        int port = freePort(address);
        StringBuilder config = new StringBuilder()
            .append("version: 0.1\n")
            .append("log:\n  level: info\n  formatter: text\n")
            .append("storage:\n  filesystem:\n    rootdirectory: ").append(dir.resolve("storage")).append('\n')
            .append("  delete:\n    enabled: true\n")
            .append("  maintenance:\n    uploadpurging:\n      enabled: false\n")
            .append("health:\n  storagedriver:\n    enabled: false\n")
            .append("http:\n  addr: \"").append(hostPort(address, port)).append("\"\n")
            .append("  secret: estiba-test-secret\n");
        TestTokenIssuer issuer = null;
        switch (mode) {
            case PLAIN_HTTP -> {
            }
            case TLS_BASIC -> {
                TestProcesses.assumeInstalled("htpasswd");
                TestCertificates.makeServerCertificate(dir);
                String line = TestProcesses.run(dir, "htpasswd", "-Bbn", USER, PASSWORD).trim();
                Files.writeString(dir.resolve("htpasswd"), line + "\n");
                config.append("  tls:\n    certificate: ").append(dir.resolve("server.crt"))
                    .append("\n    key: ").append(dir.resolve("server.key")).append('\n')
                    .append("auth:\n  htpasswd:\n    realm: estiba-test\n    path: ")
                    .append(dir.resolve("htpasswd")).append('\n');
            }
            case TOKEN -> {
                TestCertificates.makeTokenSigningCertificate(dir);
                issuer = new TestTokenIssuer(dir.resolve("token.key"), dir.resolve("token.crt"), USER, PASSWORD);
                config.append("auth:\n  token:\n    realm: ").append(issuer.realm())
                    .append("\n    service: ").append(TestTokenIssuer.SERVICE)
                    .append("\n    issuer: ").append(TestTokenIssuer.ISSUER)
                    .append("\n    rootcertbundle: ").append(dir.resolve("token.crt")).append('\n');
            }
            default -> throw new IllegalStateException();
        }
        Files.writeString(dir.resolve("config.yml"), config);
        TestRegistry registry = new TestRegistry(mode, dir, address, port, issuer);
        try {
            registry.startProcess();
        } catch (IOException | RuntimeException e) {
            registry.close();
            throw e;
        }
        return registry;
    }

    public Mode mode() {
        return mode;
    }

    /** host:port, as image references name it ({@code [::1]:PORT} on IPv6). */
    public String host() {
        return hostPort(address, port);
    }

    private static String hostPort(InetAddress address, int port) {
        String ip = address.getHostAddress().equals("0:0:0:0:0:0:0:1") ? "::1" : address.getHostAddress();
        return (address instanceof java.net.Inet6Address ? "[" + ip.replaceAll("%.*", "") + "]" : ip) + ":" + port;
    }

    /** The test CA's certificate (TLS mode only). */
    public Path caCertificate() {
        return dir.resolve("ca.crt");
    }

    /** The token issuer (TOKEN mode only). */
    public TestTokenIssuer issuer() {
        return issuer;
    }

    /** Everything the registry logged so far, over restarts. */
    public String log() throws IOException {
        return Files.readString(dir.resolve("registry.log"), StandardCharsets.UTF_8);
    }

    /** Where the registry keeps a blob's bytes, to damage them in tests. */
    public Path blobData(String digest) {
        String hex = digest.substring(digest.indexOf(':') + 1);
        return dir.resolve("storage/docker/registry/v2/blobs/sha256").resolve(hex.substring(0, 2)).resolve(hex)
            .resolve("data");
    }

    /** Stops the process; the storage stays for a later {@link #restart()}. */
    public void stop() {
        Process p = process;
        process = null;
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the process again on the same port with the same storage. */
    public void restart() throws IOException {
        stop();
        startProcess();
    }

    private void startProcess() throws IOException {
        Path log = dir.resolve("registry.log");
        process = new ProcessBuilder("docker-registry", "serve", dir.resolve("config.yml").toString())
            .directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        // Should the JVM end without close() (a killed test run), the registry goes with it.
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        // Bounded wait for the port to accept connections: 20 s at most.
        for (int i = 0; i < 400; i++) {
            if (!process.isAlive()) {
                throw new IOException("docker-registry exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        stop();
        throw new IOException("docker-registry did not listen on " + host() + " in time:\n" + log());
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static int freePort(InetAddress address) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, address)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        stop();
        if (issuer != null) {
            issuer.close();
        }
    }
}
