package dev.estiba.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.estiba.layer.TarWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Broken and hostile archives are refused with a message naming the archive and what is wrong. */
class ArchiveErrorsTest {
    static final String CONFIG = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
        + "\"diff_ids\":[\"sha256:" + "0".repeat(64) + "\"]}}";
    static final String H = "0".repeat(64);

    @TempDir
    Path tmp;

    /** Entries: name to content; a content starting with "->" makes a symlink, "=>" a hard link. */
    private Path tar(Map<String, String> entries) throws IOException {
        Path file = tmp.resolve("a.tar");
        try (OutputStream out = Files.newOutputStream(file); TarWriter tar = new TarWriter(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                String v = e.getValue();
                if (v.startsWith("->") || v.startsWith("=>")) {
                    tar.write(new TarWriter.Header(e.getKey(), v.startsWith("->") ? '2' : '1', 0777, 0, 0, 0, 0,
                        v.substring(2), null, null), null);
                } else {
                    byte[] b = v.getBytes(StandardCharsets.UTF_8);
                    tar.write(new TarWriter.Header(e.getKey(), '0', 0644, 0, 0, b.length, 0, null, null, null),
                        new ByteArrayInputStream(b));
                }
            }
        }
        return file;
    }

    private static Map<String, String> m(String... kv) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }

    static Stream<Arguments> dockerArchives() {
        String manifest = "[{\"Config\":\"c.json\",\"RepoTags\":[\"a:1\"],\"Layers\":[\"l/layer.tar\"]}]";
        return Stream.of(
            Arguments.of(m("x", "y"), "not a docker-save archive (no manifest.json)"),
            Arguments.of(m("manifest.json", "[oops"), "manifest.json: Unrecognized token 'oops': "
                + "was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
            Arguments.of(m("manifest.json", "{}"), "manifest.json: expected an array of {Config, RepoTags, Layers}"),
            Arguments.of(m("manifest.json", "[]"), "manifest.json lists no images"),
            Arguments.of(m("manifest.json", manifest), "missing c.json"),
            Arguments.of(m("manifest.json", manifest, "c.json", "[1]"),
                "c.json: Cannot deserialize value of type `dev.estiba.image.ImageConfig` from Array value "
                    + "(token `JsonToken.START_ARRAY`)"),
            Arguments.of(m("manifest.json", manifest, "c.json", CONFIG), "missing l/layer.tar"),
            Arguments.of(m("manifest.json", manifest, "c.json", CONFIG, "l/layer.tar", "->../../etc/passwd"),
                "missing l/layer.tar"),
            Arguments.of(m("manifest.json", manifest, "c.json", CONFIG, "l/layer.tar", "->layer.tar"),
                "missing l/layer.tar"),
            Arguments.of(m("manifest.json", manifest, "c.json", CONFIG, "l/layer.tar", "->/c.json"),
                "layer l/layer.tar has digest sha256:" + sha(CONFIG) + " but the config's diff id 1 is sha256:" + H),
            Arguments.of(m("manifest.json", manifest, "c.json", CONFIG, "l/layer.tar", "not a tar"),
                "layer l/layer.tar has digest sha256:" + sha("not a tar") + " but the config's diff id 1 is sha256:" + H),
            Arguments.of(m("manifest.json", "[{\"Config\":\"c.json\",\"RepoTags\":[],\"Layers\":[]}]", "c.json", CONFIG),
                "manifest has 0 layers but the config lists 1 diff ids"),
            Arguments.of(m("manifest.json", "[{\"RepoTags\":[\"a\"]}]"), "manifest.json entry has no Config"));
    }

    private static String sha(String s) {
        return dev.estiba.image.Digest.sha256(s.getBytes(StandardCharsets.UTF_8)).hex();
    }

    @ParameterizedTest
    @MethodSource("dockerArchives")
    void badDockerArchives(Map<String, String> entries, String message) throws IOException {
        Path file = tar(entries);
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> {
            try (OpenedSource s = ImageTransports.read(Transport.parse("docker-archive:" + file))) {
                s.only();
            }
        });
        assertEquals("docker-archive:" + file + ": " + message, e.getMessage());
    }

    static Stream<Arguments> ociArchives() {
        String layout = "{\"imageLayoutVersion\":\"1.0.0\"}";
        String index = "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"digest\":\"sha256:" + H + "\",\"size\":2}]}";
        return Stream.of(
            Arguments.of(m("index.json", index), "not an OCI image layout (no oci-layout file)"),
            Arguments.of(m("oci-layout", "{\"imageLayoutVersion\":\"2.0.0\"}", "index.json", index),
                "unsupported oci-layout {\"imageLayoutVersion\":\"2.0.0\"}"),
            Arguments.of(m("oci-layout", layout), "missing index.json"),
            Arguments.of(m("oci-layout", layout, "index.json", "{\"schemaVersion\":2,\"manifests\":[{\"digest\":\"md5:1\","
                + "\"size\":1}]}"), "index.json: unsupported digest algorithm \"md5\" (expected sha256 or sha512)"),
            Arguments.of(m("oci-layout", layout, "index.json", index), "missing blob sha256:" + H),
            Arguments.of(m("oci-layout", layout, "index.json", index, "blobs/sha256/" + H, "{}"),
                "blob sha256:" + H + ": content does not match digest sha256:" + H),
            Arguments.of(m("oci-layout", layout, "index.json", index, "blobs/sha256/" + H, "->" + H),
                "missing blob sha256:" + H),
            Arguments.of(m("oci-layout", layout, "index.json", "{\"schemaVersion\":2,\"manifests\":[]}"),
                "holds 0 images; name one with :TAG (it has no tags)"));
    }

    @ParameterizedTest
    @MethodSource("ociArchives")
    void badOciArchives(Map<String, String> entries, String message) throws IOException {
        Path file = tar(entries);
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> {
            try (OpenedSource s = ImageTransports.read(Transport.parse("oci-archive:" + file))) {
                s.only();
            }
        });
        assertEquals("oci-archive:" + file + ": " + message, e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void truncatedArchivesAreRefused() throws IOException {
        Path file = tar(m("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}", "index.json", "x".repeat(2000)));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, 1200));
        assertThrows(IOException.class, () -> {
            try (OpenedSource s = ImageTransports.read(Transport.parse("oci-archive:" + file))) {
                s.only();
            }
        });
    }
}
