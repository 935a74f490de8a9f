package dev.estiba.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestRegistrySmokeTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(TestRegistry.Mode.class)
    void skopeoCopiesIntoEachSetup(TestRegistry.Mode mode) throws Exception {
        TestProcesses.assumeInstalled("skopeo");
        Path layout = tmp.resolve("layout");
        var written = TestImages.writeLayout(layout, "v1", "smoke", List.of("linux/amd64"));
        Files.createDirectories(tmp.resolve("reg"));
        try (TestRegistry reg = TestRegistry.start(mode, tmp.resolve("reg"))) {
            List<String> cmd = new ArrayList<>(List.of("skopeo", "copy", "--preserve-digests"));
            switch (mode) {
                case PLAIN_HTTP -> cmd.add("--dest-tls-verify=false");
                case TLS_BASIC -> {
                    Path certs = Files.createDirectories(tmp.resolve("certs"));
                    Files.copy(reg.caCertificate(), certs.resolve("ca.crt"));
                    cmd.addAll(List.of("--dest-cert-dir", certs.toString(), "--dest-creds",
                        TestRegistry.USER + ":" + TestRegistry.PASSWORD));
                }
                case TOKEN -> cmd.addAll(List.of("--dest-tls-verify=false", "--dest-creds",
                    TestRegistry.USER + ":" + TestRegistry.PASSWORD));
                default -> throw new IllegalStateException();
            }
            cmd.add("oci:" + layout + ":v1");
            cmd.add("docker://" + reg.host() + "/smoke/img:v1");
            TestProcesses.Result r = TestProcesses.exec(tmp, cmd);
            assertEquals(0, r.exit(), r.output() + "\n" + reg.log());
            assertTrue(reg.log().contains("/v2/smoke/img/manifests/v1"), reg.log());
        }
    }
}
