package dev.estiba.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.estiba.format.dockerarchive.DockerArchive;
import dev.estiba.format.ociarchive.OciArchive;
import dev.estiba.format.ocilayout.OciLayoutWriter;
import dev.estiba.image.Digest;
import dev.estiba.image.Image;
import dev.estiba.image.ImageJson;
import dev.estiba.layer.Compression;
import dev.estiba.store.BlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our images judged by skopeo, umoci and podman, and theirs read by us. */
class JudgesTest {
    @TempDir
    Path tmp;

    private Image sample(Compression c, boolean docker) throws IOException {
        return TestImages.sample(new BlobStore(tmp.resolve("cache")), c, docker);
    }

    /** Writes the sample through one of our transports and returns the skopeo name of it. */
    private String writeOurs(String kind, Image image) throws IOException {
        switch (kind) {
            case "oci" -> {
                OciLayoutWriter.write(tmp.resolve("ours-layout"), image, "v1");
                return "oci:" + tmp.resolve("ours-layout") + ":v1";
            }
            case "oci-archive" -> {
                OciArchive.write(tmp.resolve("ours-oci.tar"), image, "v1");
                return "oci-archive:" + tmp.resolve("ours-oci.tar") + ":v1";
            }
            default -> {
                DockerArchive.write(tmp.resolve("ours-docker.tar"), image, "estiba/sample:v1");
                return "docker-archive:" + tmp.resolve("ours-docker.tar");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"oci,gzip,false", "oci,zstd,false", "oci,none,false", "oci-archive,gzip,false",
        "docker-archive,none,true", "docker-archive,gzip,false"})
    void skopeoInspectsAndCopiesWhatWeWrite(String kind, String compression, boolean docker) throws Exception {
        Judge.require("skopeo");
        Image image = sample(Compression.defaultFor(dev.estiba.layer.CompressionType.fromCliName(compression)), docker);
        String ref = writeOurs(kind, image);
        JsonNode raw = ImageJson.mapper().readTree(Judge.run(tmp, "skopeo", "inspect", "--raw", ref).ok("inspect --raw").out());
        JsonNode config = ImageJson.mapper().readTree(
            Judge.run(tmp, "skopeo", "inspect", "--config", ref).ok("inspect --config").out());
        assertEquals(ImageJson.mapper().readTree(image.config().bytes()), config);
        if (!kind.equals("docker-archive")) {
            assertEquals(ImageJson.mapper().readTree(image.manifest().bytes()), raw);
        }
        JsonNode info = ImageJson.mapper().readTree(Judge.run(tmp, "skopeo", "inspect", ref).ok("inspect").out());
        assertEquals("amd64", info.get("Architecture").asText());
        assertEquals("yes", info.get("Labels").get("org.example.test").asText());

        // skopeo refuses zstd layers in Docker images, so zstd goes to an OCI archive
        String copy = !kind.equals("oci") ? "oci:" + tmp.resolve("copy") + ":c"
            : compression.equals("zstd") ? "oci-archive:" + tmp.resolve("copy.tar") + ":c"
            : "docker-archive:" + tmp.resolve("copy.tar");
        Judge.run(tmp, "skopeo", "copy", "--quiet", ref, copy).ok("copy " + ref + " " + copy);
        try (OpenedSource s = ImageTransports.read(Transport.parse(copy))) {
            Image back = s.only().image();
            assertArrayEquals(image.config().bytes(), back.config().bytes());
        }
    }

    @ParameterizedTest
    @CsvSource({"gzip", "zstd", "none"})
    void umociUnpacksExactlyTheExpectedTree(String compression) throws Exception {
        Judge.require("umoci");
        Image image = sample(Compression.defaultFor(dev.estiba.layer.CompressionType.fromCliName(compression)), false);
        if (compression.equals("zstd")) {
            // umoci 0.4 refuses zstd layers ("blob is not correct mediatype"): judge their content after our
            // recompression to gzip, which checks every diff id on the way
            image = ImageConversion.convert(image, false, Compression.gzip(6), new BlobStore(tmp.resolve("cache")), 2);
        }
        Path layout = tmp.resolve("layout");
        OciLayoutWriter.write(layout, image, "v1");
        Path bundle = tmp.resolve("bundle");
        Judge.Result r = Judge.run(tmp, "umoci", "unpack", "--image", layout + ":v1", bundle.toString());
        r.ok("umoci unpack");
        Path root = bundle.resolve("rootfs");
        assertEquals(List.of(
                "app d 755 0:0", "app/data-link.txt f 640 0:50", "app/data.txt f 640 0:50",
                "app/hello.sh f 755 1000:1000", "app/latest l 777 0:0 -> hello.sh", "etc d 755 0:0",
                "var d 755 0:0", "var/cache d 755 0:0", "var/cache/new f 644 2:3"),
            Tree.describe(root));
        assertEquals(Files.getAttribute(root.resolve("app/data.txt"), "unix:ino"),
            Files.getAttribute(root.resolve("app/data-link.txt"), "unix:ino"));
        assertEquals("#!/bin/sh\necho hello from estiba\n", Files.readString(root.resolve("app/hello.sh")));
        JsonNode spec = ImageJson.mapper().readTree(Files.readAllBytes(bundle.resolve("config.json")));
        assertEquals("/app", spec.get("process").get("cwd").asText());
        assertEquals("/app/hello.sh", spec.get("process").get("args").get(0).asText());
    }

    @ParameterizedTest
    @CsvSource({"docker-archive,none,true", "docker-archive,gzip,false", "oci-archive,gzip,false"})
    void podmanLoadsWhatWeWriteAndShowsOurConfig(String kind, String compression, boolean docker) throws Exception {
        Judge.require("podman");
        Image image = sample(Compression.defaultFor(dev.estiba.layer.CompressionType.fromCliName(compression)), docker);
        String ref = writeOurs(kind, image);
        String file = ref.substring(ref.indexOf(':') + 1).replaceAll(":v1$", "");
        Path storage = Files.createDirectories(tmp.resolve("podman-root"));
        Path run = Files.createDirectories(tmp.resolve("podman-run"));
        String[] podman = {"podman", "--root", storage.toString(), "--runroot", run.toString(), "--storage-driver", "vfs"};
        Judge.run(tmp, concat(podman, "load", "-i", file)).ok("podman load");
        String name = kind.equals("docker-archive") ? "estiba/sample:v1" : image.id().hex();
        JsonNode inspect = ImageJson.mapper().readTree(
            Judge.run(tmp, concat(podman, "image", "inspect", name)).ok("podman image inspect").out()).get(0);
        assertEquals(image.id().hex(), inspect.get("Id").asText());
        JsonNode config = inspect.get("Config");
        assertEquals("/app/hello.sh", config.get("Entrypoint").get(0).asText());
        assertEquals("/app", config.get("WorkingDir").asText());
        assertEquals("1000", config.get("User").asText());
        assertEquals("yes", config.get("Labels").get("org.example.test").asText());
        assertEquals(image.config().value().rootfs().diffIds().stream().map(Digest::toString).toList(),
            ImageJson.mapper().convertValue(inspect.get("RootFS").get("Layers"), List.class));

        // and what podman saves, in each of its shapes, reads back through estiba with the same config
        Map<String, String> shapes = Map.of(
            "docker-archive", "docker-archive:" + tmp.resolve("p-docker.tar"),
            "oci-archive", "oci-archive:" + tmp.resolve("p-oci.tar"),
            "oci-dir", "oci:" + tmp.resolve("p-layout"));
        for (Map.Entry<String, String> shape : shapes.entrySet()) {
            String target = shape.getValue().substring(shape.getValue().indexOf(':') + 1);
            Judge.run(tmp, concat(podman, "save", "--format", shape.getKey(), "-o", target, name))
                .ok("podman save --format " + shape.getKey());
            try (OpenedSource s = ImageTransports.read(Transport.parse(shape.getValue()))) {
                Image saved = s.only().image();
                assertArrayEquals(image.config().bytes(), saved.config().bytes(), shape.getKey());
                Path back = tmp.resolve("back-" + shape.getKey());
                OciLayoutWriter.write(back, ImageConversion.convert(saved, false, null,
                    new BlobStore(tmp.resolve("cache")), 2), "t");
                Judge.run(tmp, "skopeo", "inspect", "oci:" + back + ":t").ok("skopeo inspect of " + shape.getKey());
            }
        }
    }

    @Test
    void imagesSkopeoWritesLoadAndConvertWithoutLoss() throws Exception {
        Judge.require("skopeo");
        Image image = sample(Compression.gzip(6), false);
        String ours = writeOurs("oci", image);
        Map<String, String> theirs = Map.of(
            "docker-archive", "docker-archive:" + tmp.resolve("s-docker.tar") + ":skopeo/made:1",
            "oci-archive", "oci-archive:" + tmp.resolve("s-oci.tar") + ":made",
            "oci", "oci:" + tmp.resolve("s-layout") + ":made");
        for (Map.Entry<String, String> t : theirs.entrySet()) {
            Judge.run(tmp, "skopeo", "copy", "--quiet", ours, t.getValue()).ok("skopeo copy to " + t.getKey());
            Path out = tmp.resolve("converted-" + t.getKey());
            try (OpenedSource s = ImageTransports.read(Transport.parse(t.getValue()))) {
                Image read = s.only().image();
                assertArrayEquals(image.config().bytes(), read.config().bytes(), t.getKey());
                Image converted = ImageConversion.convert(read, false, Compression.gzip(6),
                    new BlobStore(tmp.resolve("cache")), 2);
                OciLayoutWriter.write(out, converted, "x");
                assertEquals(image.manifest().digest(), converted.manifest().digest(), t.getKey());
            }
            assertTrue(Files.isDirectory(out));
        }
        try (OpenedSource s = ImageTransports.readArchive(tmp.resolve("s-docker.tar"))) {
            assertEquals("docker.io/skopeo/made:1", s.only().name());
        }
        assertFalse(Files.exists(tmp.resolve("s-docker.tar.tmp")));
    }

    @Test
    void estibaRoundTripsAreByteIdentical() throws Exception {
        Image image = sample(Compression.gzip(6), false);
        Path d = tmp.resolve("d.tar");
        DockerArchive.write(d, image, "a:b");
        Path layout = tmp.resolve("l");
        try (OpenedSource s = ImageTransports.read(Transport.parse("docker-archive:" + d))) {
            OciLayoutWriter.write(layout, s.only().image(), "t");
        }
        try (OpenedSource s = ImageTransports.read(Transport.parse("oci:" + layout + ":t"))) {
            assertArrayEquals(image.manifest().bytes(), s.only().image().manifest().bytes());
            Path d2 = tmp.resolve("d2.tar");
            DockerArchive.write(d2, s.only().image(), "a:b");
            assertArrayEquals(Files.readAllBytes(d), Files.readAllBytes(d2));
        }
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(d, LinkOption.NOFOLLOW_LINKS)));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
