package dev.estiba.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.registry.RegistryFixture;
import dev.estiba.registry.TestImages;
import dev.estiba.registry.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** login, logout, pull and push from the command line against real test registries. */
class RegistryCommandsTest {
    @TempDir
    Path tmp;

    static EstibaCommandTest.Run run(String... args) {
        return EstibaCommandTest.run(args);
    }

    @Test
    void loginChecksSavesAndLogoutRemoves() throws Exception {
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.TLS_BASIC, tmp)) {
            String host = f.registry.host();
            Path config = tmp.resolve("cli-docker");
            String ca = f.registry.caCertificate().toString();

            EstibaCommandTest.Run bad = run("login", "--config", config.toString(), "--tls-ca-cert", ca, "-u", TestRegistry.USER,
                "-p", "wrong", host);
            assertEquals(ExitCodes.FINDINGS, bad.exit(), bad.err());
            assertTrue(bad.err().contains("login to " + host + ": registry refused the credentials of user estiba"),
                bad.err());
            assertFalse(Files.exists(config.resolve("config.json")), "nothing saved after a failed login");

            EstibaCommandTest.Run ok = run("login", "--config", config.toString(), "--tls-ca-cert", ca, "-u", TestRegistry.USER,
                "-p", TestRegistry.PASSWORD, "https://" + host + "/v2/");
            assertEquals(ExitCodes.OK, ok.exit(), ok.err());
            assertEquals("Login Succeeded\n", ok.out());
            assertEquals("WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n", ok.err());
            String auth = TestImages.JSON.readTree(config.resolve("config.json").toFile()).path("auths").path(host)
                .path("auth").asText();
            assertEquals(TestRegistry.USER + ":" + TestRegistry.PASSWORD,
                new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8));

            // The saved credential is what push uses.
            Path layout = tmp.resolve("layout");
            var written = TestImages.writeLayout(layout, "v1", "cli-login", List.of("linux/amd64")).get(0);
            EstibaCommandTest.Run push = run("push", "--config", config.toString(), "--tls-ca-cert", ca, "-q", "oci:" + layout + ":v1",
                host + "/cli/private:v1");
            assertEquals(ExitCodes.OK, push.exit(), push.err());
            assertEquals(written.manifestDigest() + "\n", push.out());

            EstibaCommandTest.Run out = run("logout", "--config", config.toString(), host);
            assertEquals("Removing login credentials for " + host + "\n", out.out());
            assertEquals("{}", TestImages.JSON.readTree(config.resolve("config.json").toFile()).path("auths")
                .toString());
            assertEquals("Not logged in to " + host + "\n", run("logout", "--config", config.toString(), host).out());

            EstibaCommandTest.Run anonymous = run("pull", "--config", config.toString(), "--tls-ca-cert", ca, "--cache-dir",
                tmp.resolve("cache").toString(), host + "/cli/private:v1");
            assertEquals(ExitCodes.FINDINGS, anonymous.exit());
            assertTrue(anonymous.err().contains("refused anonymous access (log in with: estiba login " + host + ")"),
                anonymous.err());
        }
    }

    @Test
    void loginReadsThePasswordFromStandardInput() throws Exception {
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.TOKEN, tmp)) {
            String host = f.registry.host();
            Path config = tmp.resolve("stdin-docker");
            java.io.InputStream stdin = System.in;
            EstibaCommandTest.Run ok;
            try {
                System.setIn(new java.io.ByteArrayInputStream((TestRegistry.PASSWORD + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
                ok = run("login", "--config", config.toString(), "-u", TestRegistry.USER, "--password-stdin", host);
            } finally {
                System.setIn(stdin);
            }
            assertEquals(new EstibaCommandTest.Run(ExitCodes.OK, "Login Succeeded\n", ""), ok);
            String auth = TestImages.JSON.readTree(config.resolve("config.json").toFile()).path("auths").path(host)
                .path("auth").asText();
            assertEquals(TestRegistry.USER + ":" + TestRegistry.PASSWORD,
                new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8));
            assertEquals(ExitCodes.USAGE, run("login", "--config", config.toString(), "--password-stdin", host)
                .exit());
        }
    }

    @Test
    void pushPullAndPushFromTheStore() throws Exception {
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.PLAIN_HTTP, tmp)) {
            String host = f.registry.host();
            String config = tmp.resolve("cli-docker").toString();
            String cache = tmp.resolve("cache").toString();
            Path layout = tmp.resolve("layout");
            var written = TestImages.writeLayout(layout, "v1", "cli", List.of("linux/amd64")).get(0);

            Path digestFile = tmp.resolve("digest.txt");
            EstibaCommandTest.Run push = run("push", "--config", config, "--digestfile", digestFile.toString(), "oci:" + layout + ":v1",
                host + "/cli/img:v1", host + "/cli/img:latest");
            assertEquals(ExitCodes.OK, push.exit(), push.err());
            assertEquals(written.manifestDigest() + "\n", push.out());
            assertEquals(written.manifestDigest(), Files.readString(digestFile));
            assertTrue(push.err().contains(written.layerDigest().substring(7, 19) + ": uploaded ("), push.err());

            Path out = tmp.resolve("out");
            EstibaCommandTest.Run pull = run("pull", "--config", config, "--cache-dir", cache, "--platform", "linux/amd64",
                "--output", "oci:" + out, host + "/cli/img:v1");
            assertEquals(ExitCodes.OK, pull.exit(), pull.err());
            assertEquals(written.manifestDigest() + "\n", pull.out());
            assertTrue(Files.readString(out.resolve("index.json")).contains(written.manifestDigest().substring(7)));
            assertTrue(Files.readString(out.resolve("index.json")).contains("\"org.opencontainers.image.ref.name\":\"v1\""));
            EstibaCommandTest.Run again = run("pull", "--config", config, "--cache-dir", cache, host + "/cli/img:v1");
            // Blobs are checked in parallel: the lines come in any order.
            assertEquals(java.util.Set.of(written.configDigest().substring(7, 19) + ": already present",
                written.layerDigest().substring(7, 19) + ": already present"), java.util.Set.copyOf(
                again.err().lines().toList()));
            assertFalse(again.err().contains("downloaded"), again.err());

            // The pulled image is in the store under its name, and can be pushed from there.
            EstibaCommandTest.Run fromStore = run("push", "--config", config, "--cache-dir", cache, host + "/cli/img:v1",
                host + "/cli/copy:v2");
            assertEquals(ExitCodes.OK, fromStore.exit(), fromStore.err());
            assertEquals(written.manifestDigest() + "\n", fromStore.out());
            assertTrue(fromStore.err().contains("mounted from another repository")
                || fromStore.err().contains("uploaded"), fromStore.err());
        }
    }

    @Test
    void convertReadsAndWritesRegistriesLikeSkopeoCopy() throws Exception {
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.TOKEN, tmp)) {
            String host = f.registry.host();
            String config = f.environment.get("DOCKER_CONFIG");
            String cache = tmp.resolve("cache").toString();
            Path layout = tmp.resolve("layout");
            var written = TestImages.writeLayout(layout, "v1", "convert", List.of("linux/amd64")).get(0);

            EstibaCommandTest.Run up = run("convert", "--config", config, "--cache-dir", cache,
                "oci:" + layout + ":v1", "docker://" + host + "/conv/img:v1");
            assertEquals(ExitCodes.OK, up.exit(), up.err());
            assertEquals(written.manifestDigest() + "\n", up.out());

            Path out = tmp.resolve("out");
            EstibaCommandTest.Run down = run("convert", "--config", config, "--cache-dir", cache,
                "docker://" + host + "/conv/img:v1", "oci:" + out + ":copy");
            assertEquals(ExitCodes.OK, down.exit(), down.err());
            assertEquals(written.manifestDigest() + "\n", down.out());
            assertTrue(Files.readString(out.resolve("index.json")).contains(written.manifestDigest().substring(7)));

            EstibaCommandTest.Run docker = run("convert", "--config", config, "--cache-dir", cache, "--format",
                "docker", "docker://" + host + "/conv/img:v1", "docker://" + host + "/conv/docker:v1");
            assertEquals(ExitCodes.OK, docker.exit(), docker.err());
            var pulled = f.client().fetchManifest(f.ref("conv/docker:v1"));
            assertEquals("application/vnd.docker.distribution.manifest.v2+json", pulled.mediaType());
            assertEquals(pulled.digest() + "\n", docker.out());

            // Registry to registry keeps the manifest format, so the digest stays.
            EstibaCommandTest.Run kept = run("convert", "--config", config, "--cache-dir", cache,
                "docker://" + host + "/conv/docker:v1", "docker://" + host + "/conv/kept:v1");
            assertEquals(new EstibaCommandTest.Run(ExitCodes.OK, pulled.digest() + "\n", kept.err()), kept);
        }
    }

    @Test
    void errorsAreShortAndExitCodesTellThemApart() throws Exception {
        try (RegistryFixture f = RegistryFixture.start(TestRegistry.Mode.PLAIN_HTTP, tmp)) {
            String host = f.registry.host();
            String config = tmp.resolve("cli-docker").toString();
            String cache = tmp.resolve("cache").toString();
            EstibaCommandTest.Run unknown = run("pull", "--config", config, "--cache-dir", cache, host + "/no/such:tag");
            assertEquals(ExitCodes.FINDINGS, unknown.exit());
            assertEquals("estiba: pull " + host + "/no/such:tag: manifest not found in registry " + host
                + " (HTTP 404: MANIFEST_UNKNOWN: manifest unknown)\n", unknown.err());

            EstibaCommandTest.Run invalid = run("pull", "--config", config, "--cache-dir", cache, "Bad/Name");
            assertEquals(ExitCodes.USAGE, invalid.exit());
            assertEquals("estiba: invalid image reference \"Bad/Name\": repository name must be lowercase\n", invalid.err());

            EstibaCommandTest.Run platform = run("pull", "--config", config, "--cache-dir", cache, "--platform", "linux", host + "/a:b");
            assertEquals(ExitCodes.USAGE, platform.exit());
            assertEquals("estiba: invalid platform \"linux\": expected os/arch[/variant]\n", platform.err());

            EstibaCommandTest.Run noTarget = run("push", "--config", config, "oci:" + tmp.resolve("none"));
            assertEquals(ExitCodes.USAGE, noTarget.exit());
            assertEquals("estiba: push oci:" + tmp.resolve("none") + ": name the reference to push to\n", noTarget.err());

            EstibaCommandTest.Run notInStore = run("push", "--config", config, "--cache-dir", cache, host + "/never/pulled:v1");
            assertEquals(ExitCodes.USAGE, notInStore.exit());
            assertEquals("estiba: push: no image \"" + host + "/never/pulled:v1\" in the local store " + cache + "\n",
                notInStore.err());
        }
    }
}
