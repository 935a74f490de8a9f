package dev.estiba.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming writer gives exactly the mapper's canonical bytes, and is used only where it can. */
class CanonicalWriterTest {

    private static final String D1 = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private static final String D2 = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

    private static void assertSameAsMapper(Object value) throws Exception {
        assertEquals(true, CanonicalWriter.writes(value));
        byte[] mapper = ImageJson.mapper().writeValueAsBytes(value);
        assertEquals(new String(mapper, StandardCharsets.UTF_8),
            new String(CanonicalWriter.write(ImageJson.mapper().getFactory(), value), StandardCharsets.UTF_8));
        assertArrayEquals(mapper, ImageJson.write(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // every known property, with characters the generator escapes (quote, backslash, control, U+2028) or not
        "{\"created\":\"2024-01-02T03:04:05.123456789Z\",\"author\":\"m\\\"e\\\\\",\"architecture\":\"arm64\","
            + "\"os\":\"linux\",\"os.version\":\"6.1\",\"os.features\":[\"f\"],\"variant\":\"v8\","
            + "\"config\":{\"User\":\"1000:1000\",\"ExposedPorts\":{\"443/tcp\":{},\"80/tcp\":{}},"
            + "\"Env\":[\"PATH=/usr/bin\",\"A=b c\\u0001\\t\\n\",\"\\u00e9\\u2028\\ud83d\\ude00</>&'\"],\"Entrypoint\":[],"
            + "\"Cmd\":[\"sh\"],\"Volumes\":{\"/data\":{}},\"WorkingDir\":\"/app\",\"Labels\":{\"b\":\"\",\"a\":\"1\"},"
            + "\"StopSignal\":\"SIGTERM\",\"ArgsEscaped\":false,\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"true\"],"
            + "\"Interval\":30000000000,\"Timeout\":1,\"StartPeriod\":2,\"StartInterval\":3,\"Retries\":4},"
            + "\"OnBuild\":[\"RUN x\"],\"Shell\":[\"/bin/bash\",\"-c\"]},"
            + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + D1 + "\",\"" + D2 + "\"]},"
            + "\"history\":[{\"created\":\"2024-01-02T03:04:05Z\",\"created_by\":\"/bin/sh -c #(nop) ADD\","
            + "\"author\":\"a\",\"comment\":\"buildkit.dockerfile.v0\",\"empty_layer\":true},{\"empty_layer\":false},{}]}",
        // the fewest: no config, no history, an empty healthcheck, empty maps and sets
        "{\"architecture\":\"amd64\",\"os\":\"linux\"}",
        "{\"os\":\"linux\",\"config\":{\"ExposedPorts\":{},\"Labels\":{},\"Healthcheck\":{}},\"history\":[]}",
    })
    void configsAsTheMapperWritesThem(String json) throws Exception {
        assertSameAsMapper(ImageConfig.parse(json.getBytes(StandardCharsets.UTF_8), "config"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"artifactType\":\"x/y\","
            + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + D1 + "\","
            + "\"size\":7,\"data\":\"e30=\"},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\","
            + "\"digest\":\"" + D2 + "\",\"size\":32,\"urls\":[\"https://x\"],\"annotations\":{\"b\":\"2\",\"a\":\"1\"},"
            + "\"platform\":{\"architecture\":\"amd64\",\"os\":\"windows\",\"os.version\":\"10\",\"os.features\":[\"w\"],"
            + "\"variant\":\"v\",\"features\":[\"sse4\"]},\"artifactType\":\"t\"}],\"subject\":{\"mediaType\":\"m\","
            + "\"digest\":\"" + D1 + "\",\"size\":1},\"annotations\":{\"k\":\"v\\u00e9\"}}",
        "{\"schemaVersion\":2,\"config\":{\"digest\":\"" + D1 + "\",\"size\":0},\"layers\":[]}",
    })
    void manifestsAsTheMapperWritesThem(String json) throws Exception {
        assertSameAsMapper(Manifest.parse(json.getBytes(StandardCharsets.UTF_8), "manifest"));
    }

    @Test
    void labelsWithNullValuesAreLeftOutAsByTheMapper() throws Exception {
        Map<String, String> labels = new HashMap<>();
        labels.put("z", "1");
        labels.put("gone", null);
        ExecutionConfig e = ExecutionConfig.EMPTY.withLabels(labels).withExposedPorts(Set.of("9/udp", "1/tcp"))
            .withCmd(List.of("x"));
        assertSameAsMapper(ImageConfig.empty(Platform.parse("linux/amd64")).withConfig(e));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"os\":\"linux\",\"docker_version\":\"25\"}",
        "{\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[],\"x\":1}}",
        "{\"os\":\"linux\",\"config\":{\"Hostname\":\"h\"}}",
        "{\"os\":\"linux\",\"config\":{\"Healthcheck\":{\"x\":1}}}",
        "{\"os\":\"linux\",\"history\":[{\"x\":1}]}",
    })
    void unknownPropertiesAreLeftToTheMapper(String json) {
        assertEquals(false, CanonicalWriter.writes(ImageConfig.parse(json.getBytes(StandardCharsets.UTF_8), "config")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"schemaVersion\":2,\"config\":{\"digest\":\"" + D1 + "\",\"size\":0},\"layers\":[],\"x\":1}",
        "{\"schemaVersion\":2,\"config\":{\"digest\":\"" + D1 + "\",\"size\":0,\"x\":1},\"layers\":[]}",
        "{\"schemaVersion\":2,\"config\":{\"digest\":\"" + D1 + "\",\"size\":0},\"layers\":[{\"digest\":\"" + D1
            + "\",\"size\":0,\"platform\":{\"os\":\"linux\",\"x\":1}}]}",
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}",
    })
    void otherDocumentsAreLeftToTheMapper(String json) {
        assertEquals(false, CanonicalWriter.writes(Manifest.parse(json.getBytes(StandardCharsets.UTF_8), "manifest")));
    }
}
