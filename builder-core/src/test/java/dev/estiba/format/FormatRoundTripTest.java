package dev.estiba.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.format.dockerarchive.DockerArchive;
import dev.estiba.format.dockerarchive.DockerArchiveReader;
import dev.estiba.format.ociarchive.OciArchive;
import dev.estiba.format.ocilayout.OciLayoutReader;
import dev.estiba.format.ocilayout.OciLayoutWriter;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import dev.estiba.image.Image;
import dev.estiba.image.ImageConfig;
import dev.estiba.image.Platform;
import dev.estiba.store.StoredImages;
import dev.estiba.image.HistoryEntry;
import dev.estiba.layer.LayerWriter;
import dev.estiba.image.MediaTypes;
import dev.estiba.layer.Compression;
import dev.estiba.layer.CompressionType;
import dev.estiba.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatRoundTripTest {
    @TempDir
    Path tmp;

    private BlobStore store() {
        return new BlobStore(tmp.resolve("cache"));
    }

    private static void assertSameImage(Image expected, Image actual) throws IOException {
        assertArrayEquals(expected.manifest().bytes(), actual.manifest().bytes());
        assertArrayEquals(expected.config().bytes(), actual.config().bytes());
        for (Descriptor l : expected.layers()) {
            try (InputStream a = expected.open(l); InputStream b = actual.open(l)) {
                assertArrayEquals(a.readAllBytes(), b.readAllBytes());
            }
        }
    }

    @Test
    void ociLayoutRoundTripKeepsBytesAndOtherImages() throws IOException {
        Image a = TestImages.sample(store(), Compression.gzip(6), false);
        Image b = TestImages.sample(store(), Compression.zstd(3), false);
        Path dir = tmp.resolve("layout");
        OciLayoutWriter.write(dir, a, "a");
        byte[] indexAfterA = Files.readAllBytes(dir.resolve("index.json"));
        OciLayoutWriter.write(dir, b, "b");
        OciLayoutReader r = OciLayoutReader.open(new DirectoryFiles(dir, "oci:" + dir));
        assertEquals(List.of("a", "b"), r.tags());
        assertSameImage(a, r.image("a"));
        assertSameImage(b, r.image("b"));
        OciLayoutWriter.write(dir, b, "a");
        r = OciLayoutReader.open(new DirectoryFiles(dir, "oci:" + dir));
        assertEquals(List.of("b", "a"), r.tags());
        assertEquals(b.manifest().digest(), r.find("a").digest());
        assertTrue(new String(indexAfterA, StandardCharsets.UTF_8).contains("\"org.opencontainers.image.ref.name\":\"a\""));
        assertEquals("oci:" + dir + ": no image tagged \"c\" (tags: b, a)",
            assertThrows(ImageFormatException.class, () -> OciLayoutReader.open(new DirectoryFiles(dir, "oci:" + dir))
                .image("c")).getMessage());
    }

    @Test
    void failedWriteLeavesTheLayoutAsItWas() throws IOException {
        Image a = TestImages.sample(store(), Compression.gzip(6), false);
        Path dir = tmp.resolve("layout");
        OciLayoutWriter.write(dir, a, "a");
        byte[] index = Files.readAllBytes(dir.resolve("index.json"));
        Image broken = new Image(TestImages.sample(store(), Compression.none(), false).manifest(),
            TestImages.sample(store(), Compression.none(), false).config(), d -> {
                throw new IOException("disk on fire");
            });
        assertEquals("disk on fire", assertThrows(IOException.class, () -> OciLayoutWriter.write(dir, broken, "b"))
            .getMessage());
        assertArrayEquals(index, Files.readAllBytes(dir.resolve("index.json")));
        assertEquals(List.of(), leftovers(dir));
        Path fresh = tmp.resolve("fresh");
        assertThrows(IOException.class, () -> OciLayoutWriter.write(fresh, broken, "b"));
        assertFalse(Files.exists(fresh));
        assertEquals(List.of(), leftovers(tmp).stream().filter(p -> p.getFileName().toString().startsWith(".fresh")).toList());
        Path archive = tmp.resolve("x.tar");
        assertThrows(IOException.class, () -> DockerArchive.write(archive, broken, "x"));
        assertFalse(Files.exists(archive));
    }

    private static List<Path> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    @Test
    void ociArchiveIsReproducibleAndReadsBack() throws IOException {
        Image a = TestImages.sample(store(), Compression.gzip(6), false);
        Path one = tmp.resolve("one.tar");
        Path two = tmp.resolve("two.tar");
        OciArchive.write(one, a, "v1");
        OciArchive.write(two, TestImages.sample(new BlobStore(tmp.resolve("other")), Compression.gzip(6), false), "v1");
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        OciLayoutReader r = OciArchive.open(one);
        try (LayoutFiles files = r.files()) {
            assertSameImage(a, OciLayoutReader.open(files).image("v1"));
        }
    }

    @Test
    void dockerArchiveReadsBackTheLayoutManifest() throws IOException {
        Image a = TestImages.sample(store(), Compression.none(), true);
        Path file = tmp.resolve("d.tar");
        DockerArchive.write(file, a, "example.com/app");
        try (DockerArchiveReader r = DockerArchiveReader.open(file)) {
            assertEquals(List.of("example.com/app:latest"), r.tags());
            assertEquals("blobs/sha256/" + a.id().hex(), r.entries().get(0).config());
            assertSameImage(a, r.image("example.com/app"));
        }
        try (OpenedSource s = ImageTransports.readArchive(file)) {
            assertEquals("example.com/app:latest", s.only().name());
        }
        // the same tar is also an OCI archive
        OciLayoutReader r = OciArchive.open(file);
        try (LayoutFiles files = r.files()) {
            assertEquals(files, r.files());
            assertEquals(List.of("latest"), r.tags());
            assertSameImage(a, r.image("latest"));
            assertEquals("example.com/app:latest",
                r.find("latest").annotation(DockerArchive.CONTAINERD_IMAGE_NAME));
        }
    }

    @Test
    void dockerSaveOfAMultiPlatformIndexKeepsThePlatformManifest() throws IOException {
        Image a = TestImages.sample(store(), Compression.gzip(6), false);
        // the shape of docker save with the containerd store: index.json -> index -> manifest
        dev.estiba.image.ImageIndex nested = dev.estiba.image.ImageIndex.oci(List.of(
            a.manifest().descriptor(MediaTypes.OCI_MANIFEST).withPlatform(dev.estiba.image.Platform.parse("linux/amd64"))));
        byte[] nestedBytes = dev.estiba.image.ImageJson.write(nested);
        Digest nestedDigest = Digest.sha256(nestedBytes);
        Path file = tmp.resolve("containerd.tar");
        try (OutputStream out = Files.newOutputStream(file); dev.estiba.layer.TarWriter tar = new dev.estiba.layer.TarWriter(out)) {
            Map<String, byte[]> files = new java.util.TreeMap<>();
            files.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
            files.put("index.json", dev.estiba.image.ImageJson.write(dev.estiba.image.ImageIndex.oci(List.of(
                new Descriptor(MediaTypes.OCI_INDEX, nestedDigest, nestedBytes.length)))));
            files.put(LayoutFiles.blobPath(nestedDigest), nestedBytes);
            files.put(LayoutFiles.blobPath(a.manifest().digest()), a.manifest().bytes());
            files.put(LayoutFiles.blobPath(a.id()), a.config().bytes());
            for (Descriptor l : a.layers()) {
                try (InputStream in = a.open(l)) {
                    files.put(LayoutFiles.blobPath(l.digest()), in.readAllBytes());
                }
            }
            files.put("manifest.json", ("[{\"Config\":\"" + LayoutFiles.blobPath(a.id()) + "\",\"RepoTags\":[\"x:1\"],"
                + "\"Layers\":[" + String.join(",", a.layers().stream().map(l -> "\"" + LayoutFiles.blobPath(l.digest())
                    + "\"").toList()) + "]}]").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                tar.write(new dev.estiba.layer.TarWriter.Header(f.getKey(), '0', 0644, 0, 0, f.getValue().length, 0,
                    null, null, null), new java.io.ByteArrayInputStream(f.getValue()));
            }
        }
        try (DockerArchiveReader r = DockerArchiveReader.open(file)) {
            assertSameImage(a, r.image("x:1"));
        }
    }

    @Test
    void legacyDockerSaveShapeAndGzippedTarsAreRead() throws IOException {
        Image a = TestImages.sample(store(), Compression.none(), true);
        Path legacy = tmp.resolve("legacy.tar");
        LegacyDockerSave.write(legacy, a, "old/app:1");
        try (DockerArchiveReader r = DockerArchiveReader.open(legacy)) {
            Image read = r.image("old/app:1");
            assertArrayEquals(a.config().bytes(), read.config().bytes());
            assertEquals(a.manifest().value(), read.manifest().value());
            assertSameImage(a, read);
        }
        Path gz = tmp.resolve("legacy.tar.gz");
        try (InputStream in = Files.newInputStream(legacy); OutputStream out = Files.newOutputStream(gz);
             OutputStream z = Compression.gzip(1).compress(out)) {
            in.transferTo(z);
        }
        try (DockerArchiveReader r = DockerArchiveReader.open(gz)) {
            assertEquals(a.manifest().value(), r.image("old/app:1").manifest().value());
        }
    }

    @Test
    void conversionSwitchesFamilyAndCompressionAndRoundTripsToTheSameBytes() throws IOException {
        BlobStore store = store();
        Image gzip = TestImages.sample(store, Compression.gzip(6), false);
        assertTrue(gzip == ImageConversion.convert(gzip, false, Compression.gzip(6), store, 2));
        Image zstd = ImageConversion.convert(gzip, true, Compression.zstd(3), store, 2);
        assertEquals(MediaTypes.DOCKER_MANIFEST, zstd.manifest().value().mediaType());
        assertEquals(List.of(MediaTypes.DOCKER_LAYER_ZSTD, MediaTypes.DOCKER_LAYER_ZSTD),
            zstd.layers().stream().map(Descriptor::mediaType).toList());
        assertEquals(gzip.id(), zstd.id());
        Image back = ImageConversion.convert(zstd, false, Compression.gzip(6), store, 1);
        assertSameImage(gzip, back);
        Image plain = ImageConversion.convert(gzip, null, Compression.none(), store, 2);
        assertEquals(gzip.config().value().rootfs().diffIds(), plain.layers().stream().map(Descriptor::digest).toList());
        assertEquals(CompressionType.NONE, CompressionType.ofMediaType(plain.layers().get(0).mediaType()));
    }

    @Test
    void assemblingOnOneOrTwoThreadsGivesTheSameImage() throws IOException {
        ImageConfig base = ImageConfig.empty(Platform.parse("linux/amd64"));
        List<StoredImages.LayerStep> steps = TestImages.changes().stream()
            .map(c -> new StoredImages.LayerStep(c, new HistoryEntry(null, "x", false)))
            .toList();
        LayerWriter writer = new LayerWriter(Compression.gzip(6), null);
        Image one = StoredImages.assemble(new BlobStore(tmp.resolve("s1")), base, steps, writer, false, 1);
        Image two = StoredImages.assemble(new BlobStore(tmp.resolve("s2")), base, steps, writer, false, 2);
        assertArrayEquals(one.manifest().bytes(), two.manifest().bytes());
        assertArrayEquals(one.config().bytes(), two.config().bytes());
    }

    @Test
    void transportsParseLikeSkopeo() {
        assertEquals(new Transport(Transport.Kind.OCI, "dir", "tag"), Transport.parse("oci:dir:tag"));
        assertEquals(new Transport(Transport.Kind.DOCKER_ARCHIVE, "f.tar", "example.com/a:1"),
            Transport.parse("docker-archive:f.tar:example.com/a:1"));
        assertNull(Transport.parse("oci-archive:f.tar").reference());
        assertEquals("unknown transport \"docker\" (expected oci, oci-archive or docker-archive)",
            assertThrows(IllegalArgumentException.class, () -> Transport.parse("docker://alpine")).getMessage());
        assertEquals("oci: missing path", assertThrows(IllegalArgumentException.class, () -> Transport.parse("oci:"))
            .getMessage());
    }

    @Test
    void corruptBlobInAnArchiveIsReportedAndNothingIsWritten() throws IOException {
        Image a = TestImages.sample(store(), Compression.gzip(6), false);
        Path layout = tmp.resolve("l");
        OciLayoutWriter.write(layout, a, "t");
        Descriptor layer = a.layers().get(0);
        Path blob = layout.resolve(LayoutFiles.blobPath(layer.digest()));
        byte[] bytes = Files.readAllBytes(blob);
        bytes[bytes.length / 2] ^= 1;
        Files.write(blob, bytes);
        Image read = OciLayoutReader.open(new DirectoryFiles(layout, "oci:l")).image("t");
        Path out = tmp.resolve("out.tar");
        IOException e = assertThrows(IOException.class, () -> OciArchive.write(out, read, "t"));
        assertEquals("blob " + layer.digest() + ": content does not match digest " + layer.digest(), e.getMessage());
        assertFalse(Files.exists(out));
    }
}
