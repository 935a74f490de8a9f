package dev.estiba.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageJsonTest {

    private static final String D1 = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private static final String D2 = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String canonical(Object value) {
        return new String(ImageJson.write(value), StandardCharsets.UTF_8);
    }

    /** Documents already in canonical form: reading and writing them gives the same bytes. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // OCI manifest with everything: artifactType, data, urls, annotations, subject, unknown fields
        "`{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"artifactType\":\"x/y\","
            + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + D1 + "\","
            + "\"size\":7,\"data\":\"e30=\"},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\","
            + "\"digest\":\"" + D2 + "\",\"size\":32,\"urls\":[\"https://x\"],\"annotations\":{\"a\":\"1\",\"b\":\"2\"},"
            + "\"artifactType\":\"t\",\"zz-unknown\":[1,2]}],\"subject\":{\"mediaType\":\"m\",\"digest\":\"" + D1 + "\","
            + "\"size\":1},\"annotations\":{\"k\":\"v\"},\"future\":{\"x\":true}}`",
        // Docker v2.2 manifest
        "`{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
            + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"digest\":\"" + D1 + "\","
            + "\"size\":1},\"layers\":[]}`",
        // OCI index with platforms, and Docker manifest list
        "`{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
            + "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + D1 + "\",\"size\":3,"
            + "\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\",\"variant\":\"v8\"}},"
            + "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + D2 + "\",\"size\":3,"
            + "\"platform\":{\"architecture\":\"amd64\",\"os\":\"windows\",\"os.version\":\"10.0.17763.1\","
            + "\"os.features\":[\"win32k\"],\"features\":[\"sse4\"]}}]}`",
        "`{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.list.v2+json\","
            + "\"manifests\":[{\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
            + "\"digest\":\"" + D1 + "\",\"size\":3,\"annotations\":{\"x\":\"y\"},"
            + "\"platform\":{\"architecture\":\"arm\",\"os\":\"linux\",\"variant\":\"v7\"}}]}`",
    })
    void manifestsRoundTripExactly(String json) {
        Manifest m = Manifest.parse(utf8(json), "test");
        assertEquals(json, canonical(m));
    }

    @Test
    void configWithEveryFieldRoundTripsExactly() {
        String json = "{\"created\":\"2024-01-02T03:04:05.123456789Z\",\"author\":\"me\",\"architecture\":\"arm64\","
            + "\"os\":\"linux\",\"os.version\":\"6.1\",\"os.features\":[\"f\"],\"variant\":\"v8\","
            + "\"config\":{\"User\":\"1000:1000\",\"ExposedPorts\":{\"443/tcp\":{},\"80/tcp\":{}},"
            + "\"Env\":[\"PATH=/usr/bin\",\"A=b c\"],\"Entrypoint\":[],\"Cmd\":[\"sh\"],\"Volumes\":{\"/data\":{}},"
            + "\"WorkingDir\":\"/app\",\"Labels\":{\"a\":\"1\",\"b\":\"\"},\"StopSignal\":\"SIGTERM\",\"ArgsEscaped\":true,"
            + "\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"true\"],\"Interval\":30000000000,\"Timeout\":1,"
            + "\"StartPeriod\":2,\"StartInterval\":3,\"Retries\":4},\"OnBuild\":[\"RUN x\"],\"Shell\":[\"/bin/bash\",\"-c\"],"
            + "\"Domainname\":\"\",\"Hostname\":\"h\"},"
            + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + D1 + "\",\"" + D2 + "\"]},"
            + "\"history\":[{\"created\":\"2024-01-02T03:04:05Z\",\"created_by\":\"/bin/sh -c #(nop) ADD\","
            + "\"author\":\"a\",\"comment\":\"buildkit.dockerfile.v0\",\"empty_layer\":true,\"x\":1}],"
            + "\"container_config\":{\"Cmd\":null},\"docker_version\":\"25.0.0\"}";
        ImageConfig c = ImageConfig.parse(utf8(json), "config");
        assertEquals(json, canonical(c));
        ExecutionConfig e = c.executionConfig();
        assertEquals(Set.of("80/tcp", "443/tcp"), e.exposedPorts());
        assertEquals(List.of(), e.entrypoint());
        assertEquals(List.of("/bin/bash", "-c"), e.shell());
        assertEquals(3L, e.healthcheck().startInterval());
        assertEquals(new Platform("arm64", "linux", "6.1", List.of("f"), "v8", null, null), c.platform());
        assertEquals("25.0.0", c.extra().get("docker_version").asText());
        assertEquals(List.of(Digest.parse(D1), Digest.parse(D2)), c.rootfs().diffIds());
    }

    @Test
    void canonicalFormSortsMapsAndDropsNulls() {
        ExecutionConfig e = ExecutionConfig.EMPTY
            .withLabels(Map.of("z", "1", "a", "2"))
            .withExposedPorts(Set.of("9/udp", "1/tcp"))
            .withCmd(List.of("x"));
        ImageConfig c = ImageConfig.empty(Platform.parse("linux/amd64")).withConfig(e);
        assertEquals("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"ExposedPorts\":{\"1/tcp\":{},\"9/udp\":{}},"
            + "\"Cmd\":[\"x\"],\"Labels\":{\"a\":\"2\",\"z\":\"1\"}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}",
            canonical(c));
        assertNull(c.executionConfig().entrypoint());
    }

    @Test
    void readKeepsExactBytesForDigest() {
        String spaced = "{ \"schemaVersion\": 2, \"config\": {\"digest\": \"" + D1 + "\", \"size\": 1}, \"layers\": [] }";
        Manifest m = Manifest.parse(utf8(spaced), "m");
        JsonBlob<Manifest> blob = JsonBlob.read(m, utf8(spaced));
        assertEquals(Digest.sha256(utf8(spaced)), blob.digest());
        assertInstanceOf(ImageManifest.class, m);
        assertEquals(MediaTypes.OCI_MANIFEST, m.effectiveMediaType());
        JsonBlob<Manifest> fresh = JsonBlob.of(m);
        assertEquals(Digest.sha256(ImageJson.write(m)), fresh.digest());
    }

    @Test
    void indexWithNullManifestsReadsAsEmpty() {
        ImageIndex i = ImageIndex.parse(utf8("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
            + "\"manifests\":null}"), "index.json");
        assertEquals(List.of(), i.manifests());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`[1]`|m: expected a JSON object",
        "`{\"schemaVersion\":2,\"mediaType\":\"text/plain\"}`|m: unsupported manifest media type \"text/plain\"",
        "`{\"schemaVersion\":1,\"config\":{\"digest\":\"" + D1 + "\",\"size\":1}}`|m: unsupported manifest schemaVersion 1 (expected 2)",
        "`{\"schemaVersion\":2,\"config\":{\"digest\":\"sha256:12\",\"size\":1}}`|m: invalid sha256 digest \"sha256:12\": expected 64 lowercase hex digits",
        "`{\"schemaVersion\":2}`|m: manifest has no config",
        "`{\"schemaVersion\":2,\"config\":{\"digest\":\"" + D1 + "\",\"size\":-1}}`|m: descriptor " + D1 + ": negative size -1",
        "`{nope`|m: not valid JSON: Unexpected character ('n' (code 110)): was expecting double-quote to start field name",
    })
    void rejectsBadManifestsWithAClearMessage(String json, String message) {
        String actual = assertThrows(InvalidImageJsonException.class, () -> Manifest.parse(utf8(json), "m")).getMessage();
        assertEquals(message, actual);
    }
}
