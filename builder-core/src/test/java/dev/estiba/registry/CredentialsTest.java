package dev.estiba.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialsTest {
    @TempDir
    Path tmp;

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", tmp.resolve("home").toString());
        env.put("PATH", tmp.resolve("bin") + ":/usr/bin:/bin");
        return env;
    }

    void write(Path file, String json) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
    }

    /** A credential helper script that answers from a directory of files, one per server, as a real one would. */
    void helper(String name) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path script = bin.resolve("docker-credential-" + name);
        Path store = Files.createDirectories(tmp.resolve("helper-" + name));
        Files.writeString(script, """
            #!/bin/sh
            store=STORE
            read -r line || true
            key=$(printf %s "$line" | tr -c 'A-Za-z0-9.:-' _)
            case "$1" in
              get) if [ -f "$store/$key" ]; then cat "$store/$key"; else echo "credentials not found in native keychain"; exit 1; fi ;;
              store) key=$(printf %s "$line" | sed 's/.*"ServerURL":"\\([^"]*\\)".*/\\1/' | tr -c 'A-Za-z0-9.:-' _); \
                     printf %s "$line" | sed 's/"ServerURL":"[^"]*",//' > "$store/$key" ;;
              erase) rm -f "$store/$key" ;;
              *) echo "unknown action $1"; exit 3 ;;
            esac
            """.replace("STORE", store.toString()));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    void helperHas(String name, String server, String user, String secret) throws IOException {
        String key = server.replaceAll("[^A-Za-z0-9.:-]", "_");
        Files.writeString(tmp.resolve("helper-" + name).resolve(key),
            "{\"Username\":\"" + user + "\",\"Secret\":\"" + secret + "\"}");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        127.0.0.1:5000  | a/b          | 127.0.0.1:5000                | local:pw
        docker.io       | library/x    | https://index.docker.io/v1/   | hub:pw
        docker.io       | library/x    | docker.io                     | hub:pw
        docker.io       | library/x    | index.docker.io               | hub:pw
        ghcr.io         | o/r          | https://ghcr.io               | gh:pw
        ghcr.io         | o/r          | quay.io                       | -
        """)
    void findsAuthsUnderDockersKeys(String registry, String repo, String key, String expected) throws Exception {
        write(tmp.resolve("home/.docker/config.json"),
            "{\"auths\":{\"" + key + "\":{\"auth\":\"" + b64(expected == null ? "x:y" : expected) + "\"}}}");
        Optional<Credential> c = Credentials.fromEnvironment(env()).find(registry, repo);
        assertEquals(Optional.ofNullable(expected), c.map(x -> x.username() + ":" + x.secret()));
    }

    @Test
    void dockerConfigEnvironmentVariableWins() throws Exception {
        write(tmp.resolve("home/.docker/config.json"), "{\"auths\":{\"r.io\":{\"auth\":\"" + b64("home:1") + "\"}}}");
        write(tmp.resolve("cfg/config.json"), "{\"auths\":{\"r.io\":{\"auth\":\"" + b64("env:2") + "\"}}}");
        Map<String, String> env = env();
        env.put("DOCKER_CONFIG", tmp.resolve("cfg").toString());
        assertEquals("env", Credentials.fromEnvironment(env).find("r.io", "a").orElseThrow().username());
        assertEquals("home", Credentials.fromEnvironment(env(), null).find("r.io", "a").orElseThrow().username());
    }

    @Test
    void registryAuthFileComesFirstAndMatchesTheMostSpecificRepository() throws Exception {
        write(tmp.resolve("home/.docker/config.json"), "{\"auths\":{\"r.io\":{\"auth\":\"" + b64("docker:1") + "\"}}}");
        write(tmp.resolve("auth.json"), "{\"auths\":{"
            + "\"r.io/team\":{\"auth\":\"" + b64("team:2") + "\"},"
            + "\"r.io/team/app\":{\"auth\":\"" + b64("app:3") + "\"}}}");
        Map<String, String> env = env();
        env.put("REGISTRY_AUTH_FILE", tmp.resolve("auth.json").toString());
        Credentials creds = Credentials.fromEnvironment(env);
        assertEquals("app", creds.find("r.io", "team/app").orElseThrow().username());
        assertEquals("team", creds.find("r.io", "team/other").orElseThrow().username());
        assertEquals("docker", creds.find("r.io", "elsewhere/x").orElseThrow().username());
    }

    @Test
    void containersAuthJsonIsReadAfterTheDockerConfig() throws Exception {
        write(tmp.resolve("run/containers/auth.json"), "{\"auths\":{\"r.io\":{\"auth\":\"" + b64("podman:1") + "\"}}}");
        Map<String, String> env = env();
        env.put("XDG_RUNTIME_DIR", tmp.resolve("run").toString());
        assertEquals("podman", Credentials.fromEnvironment(env).find("r.io", "a").orElseThrow().username());
    }

    @Test
    void credHelpersComeBeforeAuthsAndCredsStore() throws Exception {
        helper("one");
        helper("two");
        helperHas("one", "r.io", "from-helper", "s1");
        helperHas("two", "r.io", "from-store", "s2");
        helperHas("two", "https://index.docker.io/v1/", "hub-store", "s3");
        write(tmp.resolve("home/.docker/config.json"), "{\"credHelpers\":{\"r.io\":\"one\"},\"credsStore\":\"two\","
            + "\"auths\":{\"r.io\":{\"auth\":\"" + b64("from-auths:0") + "\"},\"q.io\":{\"auth\":\""
            + b64("q-auths:0") + "\"}}}");
        Credentials creds = Credentials.fromEnvironment(env());
        assertEquals(new Credential("from-helper", "s1"), creds.find("r.io", "a").orElseThrow());
        assertEquals(new Credential("hub-store", "s3"), creds.find("docker.io", "library/a").orElseThrow());
        // The store has nothing for q.io: the auths entry answers.
        assertEquals(new Credential("q-auths", "0"), creds.find("q.io", "a").orElseThrow());
    }

    @Test
    void aMissingHelperIsAClearError() throws Exception {
        write(tmp.resolve("home/.docker/config.json"), "{\"credsStore\":\"nosuch\"}");
        RegistryException e = assertThrows(RegistryException.class,
            () -> Credentials.fromEnvironment(env()).find("r.io", "a"));
        assertEquals(RegistryException.Kind.CREDENTIALS, e.kind());
        assertEquals("credential helper docker-credential-nosuch not found on PATH", e.getMessage());
    }

    @Test
    void aBrokenConfigIsAClearError() throws Exception {
        write(tmp.resolve("home/.docker/config.json"), "[1,2]");
        RegistryException e = assertThrows(RegistryException.class,
            () -> Credentials.fromEnvironment(env()).find("r.io", "a"));
        assertEquals(tmp.resolve("home/.docker/config.json") + ": expected a JSON object", e.getMessage());
    }

    @Test
    void storeWritesBase64AuthPrivatelyAndKeepsOtherFields() throws Exception {
        Path config = tmp.resolve("home/.docker/config.json");
        write(config, "{\"psFormat\":\"table\",\"auths\":{\"other.io\":{\"auth\":\"" + b64("o:p") + "\"}}}");
        Credentials creds = Credentials.fromEnvironment(env());
        creds.store("docker.io", new Credential("me", "pw:with:colons"));
        creds.store("r.io:5000", new Credential("u", "p"));
        var tree = TestImages.JSON.readTree(config.toFile());
        assertEquals("table", tree.path("psFormat").asText());
        assertEquals(b64("me:pw:with:colons"), tree.path("auths").path("https://index.docker.io/v1/").path("auth").asText());
        assertEquals(b64("u:p"), tree.path("auths").path("r.io:5000").path("auth").asText());
        assertEquals(b64("o:p"), tree.path("auths").path("other.io").path("auth").asText());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        assertEquals(new Credential("me", "pw:with:colons"), creds.find("docker.io", "library/x").orElseThrow());
        try (var files = Files.list(config.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }

        assertTrue(creds.erase("r.io:5000"));
        assertFalse(creds.erase("r.io:5000"));
        assertEquals(Optional.empty(), creds.find("r.io:5000", "a"));
        assertEquals(b64("o:p"), TestImages.JSON.readTree(config.toFile()).path("auths").path("other.io")
            .path("auth").asText());
    }

    @Test
    void storeAndEraseGoThroughTheCredsStore() throws Exception {
        helper("st");
        Path config = tmp.resolve("home/.docker/config.json");
        write(config, "{\"credsStore\":\"st\"}");
        Credentials creds = Credentials.fromEnvironment(env());
        creds.store("r.io", new Credential("u", "secret"));
        assertEquals("{}", TestImages.JSON.readTree(config.toFile()).path("auths").path("r.io").toString());
        assertFalse(Files.readString(config).contains("secret"));
        assertEquals(new Credential("u", "secret"), creds.find("r.io", "x").orElseThrow());
        assertTrue(creds.erase("r.io"));
        assertEquals(Optional.empty(), creds.find("r.io", "x"));
    }

    @Test
    void identityTokensAreKeptAsSuch() throws Exception {
        write(tmp.resolve("home/.docker/config.json"), "{\"auths\":{\"r.io\":{\"identitytoken\":\"tok\"}}}");
        Credential c = Credentials.fromEnvironment(env()).find("r.io", "a").orElseThrow();
        assertTrue(c.isIdentityToken());
        assertEquals("Credential[<token>, ****]", c.toString());
    }
}
