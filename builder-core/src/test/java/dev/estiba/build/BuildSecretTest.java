package dev.estiba.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** buildx's {@code --secret} and {@code --ssh} syntax. */
class BuildSecretTest {
    @TempDir
    Path tmp;

    @Test
    void fileAndEnvSourcesAsBuildxReadsThem() throws Exception {
        Path file = Files.writeString(tmp.resolve("token"), "from-file");
        Map<String, String> env = Map.of("TOKEN", "from-env", "tok", "named-like-the-id");
        assertEquals(new BuildSecret.FromFile("a", file), BuildSecret.parse("id=a,src=" + file, env));
        assertEquals(new BuildSecret.FromFile("a", file), BuildSecret.parse("id=a,source=" + file, env));
        assertEquals(new BuildSecret.FromFile("a", file), BuildSecret.parse("type=file,id=a,src=" + file, env));
        assertEquals("from-env", new String(BuildSecret.parse("id=a,env=TOKEN", env).value()));
        assertEquals("from-env", new String(BuildSecret.parse("id=a,type=env,src=TOKEN", env).value()));
        // Neither: the variable named like the id when set, else the file named like it.
        assertEquals("named-like-the-id", new String(BuildSecret.parse("id=tok", env).value()));
        assertEquals(new BuildSecret.FromFile(file.toString(), file), BuildSecret.parse("id=" + file, env));
        assertFalse(BuildSecret.parse("id=a,env=TOKEN", env).toString().contains("from-env"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "id=a,type=vault|--secret id=a,type=vault: unsupported secret type \"vault\" (file or env)",
        "id=a,src|--secret id=a,src: invalid field 'src': must be a key=value pair",
        "id=a,mode=0400|--secret id=a,mode=0400: unexpected key 'mode' in 'mode=0400'",
        "src=x|--secret src=x: an id is required (id=ID)",
        "id=a,env=TOKEN,src=f|--secret id=a,env=TOKEN,src=f: cannot use both file and env for secret",
        "id=a,env=UNSET|--secret id=a,env=UNSET: environment variable UNSET is not set",
        "id=a,src=/no/such/file|--secret id=a,src=/no/such/file: /no/such/file: no such file",
    })
    void badSecretsSayWhy(String spec, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> BuildSecret.parse(spec, Map.of("TOKEN", "x")));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aSecretOverTheLimitIsRefused() throws Exception {
        Path big = Files.write(tmp.resolve("big"), new byte[500 * 1024 + 1]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> BuildSecret.parse("id=big,src=" + big, Map.of()));
        assertEquals("--secret id=big,src=" + big + ": secret big is too big: the limit is 500 KiB", e.getMessage());
    }

    @Test
    void sshTakesASocketOrSshAuthSock() throws Exception {
        Path socket = tmp.resolve("agent");
        try (FakeSshAgent agent = new FakeSshAgent(socket, "k")) {
            Map<String, String> env = Map.of("SSH_AUTH_SOCK", socket.toString());
            assertEquals(new SshAgent("default", socket), SshAgent.parse("default", env));
            assertEquals(new SshAgent("git", socket), SshAgent.parse("git=" + socket, Map.of()));
            assertEquals(new SshAgent("git", socket), SshAgent.parse("git", env));
            Path key = Files.writeString(tmp.resolve("id_ed25519"), "key");
            assertEquals("--ssh default=" + key + ": " + key + " is not a socket: estiba forwards an agent's socket "
                    + "(start ssh-agent and add the key with ssh-add); key files are not supported",
                assertThrows(IllegalArgumentException.class, () -> SshAgent.parse("default=" + key, env)).getMessage());
            assertEquals("--ssh default: invalid empty ssh agent socket: make sure SSH_AUTH_SOCK is set",
                assertThrows(IllegalArgumentException.class, () -> SshAgent.parse("default", Map.of())).getMessage());
            assertEquals("--ssh a=" + socket + "," + socket + ": estiba forwards one agent socket per id",
                assertThrows(IllegalArgumentException.class,
                    () -> SshAgent.parse("a=" + socket + "," + socket, env)).getMessage());
            assertEquals("--ssh x=/no/such: /no/such: no such socket",
                assertThrows(IllegalArgumentException.class, () -> SshAgent.parse("x=/no/such", env)).getMessage());
        }
    }
}
