package dev.estiba.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.estiba.cli.EstibaCommandTest.Run;
import dev.estiba.format.ImageTransports;
import dev.estiba.format.OpenedSource;
import dev.estiba.format.Transport;
import dev.estiba.format.ocilayout.OciLayoutWriter;
import dev.estiba.image.ExecutionConfig;
import dev.estiba.image.HistoryEntry;
import dev.estiba.image.Image;
import dev.estiba.image.ImageConfig;
import dev.estiba.image.ImageJson;
import dev.estiba.image.MediaTypes;
import dev.estiba.image.Platform;
import dev.estiba.layer.ChangeEntry;
import dev.estiba.layer.ChangeSet;
import dev.estiba.store.BlobStore;
import dev.estiba.store.StoredImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImageCommandsTest {
    static final Instant T = Instant.parse("2025-02-03T04:05:06Z");

    @TempDir
    Path tmp;
    Path cache;
    Path layout;
    Image image;

    Run run(String... args) {
        CommandLine cl = Estiba.commandLine();
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--cache-dir";
        all[args.length + 1] = cache.toString();
        return EstibaCommandTest.run(cl, args.length > 0 && args[0].equals("cache") && args.length == 1 ? args : all);
    }

    @BeforeEach
    void sampleImage() throws IOException {
        cache = tmp.resolve("cache");
        BlobStore scratch = new BlobStore(tmp.resolve("scratch"));
        ImageConfig base = ImageConfig.empty(Platform.parse("linux/arm64/v8")).withCreated(T.toString())
            .withConfig(ExecutionConfig.EMPTY.withCmd(List.of("/bin/app")).withEnv(List.of("A=1"))
                .withLabels(Map.of("k", "v")));
        image = StoredImages.assemble(scratch, base, List.of(
            new StoredImages.LayerStep(ChangeSet.of(List.of(ChangeEntry.file("bin/app", 0755, T,
                "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII)))),
                new HistoryEntry(T.toString(), "COPY app /bin/app", false))), false);
        layout = tmp.resolve("layout");
        OciLayoutWriter.write(layout, image, "v1");
    }

    @Test
    void convertWritesEachShapeAndPrintsTheDigest() throws IOException {
        Path docker = tmp.resolve("d.tar");
        Run r = run("convert", "oci:" + layout + ":v1", "docker-archive:" + docker + ":app:1");
        assertEquals(0, r.exit(), r.err());
        assertEquals(image.manifest().digest() + System.lineSeparator(), r.out());
        r = run("convert", "--format", "docker", "--compression", "zstd", "docker-archive:" + docker,
            "oci-archive:" + tmp.resolve("o.tar") + ":x");
        assertEquals(0, r.exit(), r.err());
        try (OpenedSource s = ImageTransports.read(Transport.parse("oci-archive:" + tmp.resolve("o.tar") + ":x"))) {
            Image back = s.only().image();
            assertEquals(MediaTypes.DOCKER_MANIFEST, back.manifest().value().mediaType());
            assertEquals(MediaTypes.DOCKER_LAYER_ZSTD, back.layers().get(0).mediaType());
            assertArrayEquals(image.config().bytes(), back.config().bytes());
            assertEquals(back.manifest().digest() + System.lineSeparator(), r.out());
        }
    }

    @Test
    void convertWritesOciManifestsUnlessToldOtherwise() throws IOException {
        BlobStore scratch = new BlobStore(tmp.resolve("scratch2"));
        Image docker = StoredImages.assemble(scratch, image.config().value().withRootfs(
                dev.estiba.image.RootFs.layers(List.of())).withHistory(null),
            List.of(new StoredImages.LayerStep(ChangeSet.of(List.of(ChangeEntry.directory("etc", 0755, 0, 0, T))),
                new HistoryEntry(null, "mkdir", false))), true);
        Path archive = tmp.resolve("docker.tar");
        dev.estiba.format.dockerarchive.DockerArchive.write(archive, docker, "d:1");
        assertEquals(0, run("convert", "docker-archive:" + archive, "oci:" + tmp.resolve("o") + ":t").exit());
        try (OpenedSource s = ImageTransports.read(Transport.parse("oci:" + tmp.resolve("o") + ":t"))) {
            Image back = s.only().image();
            assertEquals(MediaTypes.OCI_MANIFEST, back.manifest().value().mediaType());
            assertEquals(MediaTypes.OCI_LAYER_GZIP, back.layers().get(0).mediaType());
            assertEquals(docker.id(), back.id());
        }
    }

    @Test
    void platformPicksFromAMultiPlatformIndex() throws IOException {
        BlobStore scratch = new BlobStore(tmp.resolve("scratch3"));
        Image amd = StoredImages.assemble(scratch, ImageConfig.empty(Platform.parse("linux/amd64")), List.of(), false);
        OciLayoutWriter.write(layout, amd, "amd");
        dev.estiba.image.ImageIndex index = dev.estiba.image.ImageIndex.oci(List.of(
            amd.manifest().descriptor(MediaTypes.OCI_MANIFEST).withPlatform(Platform.parse("linux/amd64")),
            image.manifest().descriptor(MediaTypes.OCI_MANIFEST).withPlatform(Platform.parse("linux/arm64/v8"))));
        byte[] bytes = ImageJson.write(index);
        dev.estiba.image.Digest d = dev.estiba.image.Digest.sha256(bytes);
        Files.write(layout.resolve("blobs/sha256/" + d.hex()), bytes);
        dev.estiba.image.ImageIndex top = dev.estiba.image.ImageIndex.parse(Files.readAllBytes(layout.resolve("index.json")), "i")
            .plus(new dev.estiba.image.Descriptor(MediaTypes.OCI_INDEX, d, bytes.length)
                .withAnnotations(Map.of(dev.estiba.image.Descriptor.REF_NAME, "multi")));
        Files.write(layout.resolve("index.json"), ImageJson.write(top));

        String src = "oci:" + layout + ":multi";
        assertEquals(new Run(2, "", "estiba: oci:" + layout + ": " + d + " is a multi-platform index (linux/amd64, "
            + "linux/arm64/v8); choose one with --platform\n"), run("inspect", "--config", src));
        // convert takes this machine's platform when none is named, as skopeo copy does.
        if (dev.estiba.registry.PlatformSelector.host().toString().equals("linux/amd64")) {
            assertEquals(new Run(0, amd.manifest().digest() + "\n", ""), run("convert", src, "oci:" + tmp.resolve("x")));
        }
        assertEquals(new Run(0, image.manifest().digest() + "\n", ""),
            run("convert", "--platform", "linux/arm64", src, "oci:" + tmp.resolve("x") + ":arm"));
        assertEquals(new Run(2, "", "estiba: oci:" + layout + ": " + d + " has no image for linux/s390x (it has "
            + "linux/amd64, linux/arm64/v8)\n"), run("inspect", "--platform", "linux/s390x", src));
        assertEquals(new Run(2, "", "estiba: invalid platform \"linux\": expected os/arch[/variant]\n"),
            run("convert", "--platform", "linux", src, "oci:" + tmp.resolve("y")));
        assertTrue(run("inspect", "--platform", "linux/amd64", src).out().contains("Platform:      linux/amd64\n"));
    }

    @Test
    void convertReportsBadInputWithExitTwo() {
        assertEquals(new Run(2, "", "estiba: unknown transport \"containers-storage\" (expected oci, oci-archive or "
            + "docker-archive)\n"), run("convert", "containers-storage:alpine", "oci:x"));
        Run r = run("convert", "oci:" + layout + ":nope", "oci:" + tmp.resolve("x"));
        assertEquals(2, r.exit());
        assertEquals("estiba: oci:" + layout + ": no image tagged \"nope\" (tags: v1)\n", r.err());
        r = run("convert", "docker-archive:" + tmp.resolve("missing.tar"), "oci:" + tmp.resolve("x"));
        assertEquals(new Run(2, "", "estiba: docker-archive:" + tmp.resolve("missing.tar") + ": no such file\n"), r);
        assertEquals("estiba: unknown compression \"lz4\" (expected gzip, zstd or none)\n",
            run("convert", "--compression", "lz4", "oci:" + layout, "oci:" + tmp.resolve("x")).err());
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void inspectShowsSummaryConfigManifestLayersAndHistory() throws IOException {
        String src = "oci:" + layout + ":v1";
        Run r = run("inspect", src);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Digest:        " + image.manifest().digest() + "\n"), r.out());
        assertTrue(r.out().contains("Platform:      linux/arm64/v8\n"), r.out());
        assertTrue(r.out().contains("Cmd:           [\"/bin/app\"]\n"), r.out());
        assertEquals(new String(image.config().bytes(), StandardCharsets.UTF_8) + "\n", run("inspect", "--config", src).out());
        assertEquals(new String(image.manifest().bytes(), StandardCharsets.UTF_8) + "\n",
            run("inspect", "--manifest", src).out());
        JsonNode json = ImageJson.mapper().readTree(run("inspect", "--format", "json", src).out());
        assertEquals(image.manifest().digest().toString(), json.get("Digest").asText());
        assertEquals("arm64", json.get("Architecture").asText());
        assertEquals("v", json.get("Labels").get("k").asText());
        assertEquals(image.layers().get(0).size(), json.get("LayersData").get(0).get("Size").asLong());
        JsonNode layers = ImageJson.mapper().readTree(run("inspect", "--layers", "--format", "json", src).out());
        assertEquals(image.config().value().rootfs().diffIds().get(0).toString(), layers.get(0).get("diffId").asText());
        String history = run("inspect", "--history", src).out();
        assertTrue(history.startsWith("CREATED "), history);
        assertTrue(history.contains("2025-02-03T04:05:06Z  COPY app /bin/app"), history);
        assertEquals(2, run("inspect", "--config", "--manifest", src).exit());
    }

    @Test
    void loadImagesSaveAndCache() throws IOException {
        Path docker = tmp.resolve("d.tar");
        assertEquals(0, run("convert", "oci:" + layout + ":v1", "docker-archive:" + docker + ":example/app:1").exit());
        Run r = run("load", docker.toString());
        assertEquals(new Run(0, "Loaded image: example/app:1\n", ""), r);
        r = run("images");
        assertTrue(r.out().startsWith("REPOSITORY"), r.out());
        assertTrue(r.out().contains("example/app") && r.out().contains(image.id().shortHex()), r.out());
        JsonNode list = ImageJson.mapper().readTree(run("images", "--format", "json").out());
        assertEquals("1", list.get(0).get("Tag").asText());
        assertEquals(image.id().toString(), list.get(0).get("ID").asText());

        assertEquals(0, run("inspect", "example/app:1").exit());
        assertEquals(0, run("inspect", image.id().hex().substring(0, 10)).exit());

        Path saved = tmp.resolve("saved.tar");
        assertEquals(0, run("save", "example/app:1", "-o", saved.toString()).exit());
        assertArrayEquals(Files.readAllBytes(docker), Files.readAllBytes(saved));
        Path savedOci = tmp.resolve("saved-oci.tar");
        assertEquals(0, run("save", "example/app:1", "-o", savedOci.toString(), "--format", "oci").exit());
        try (OpenedSource s = ImageTransports.read(Transport.parse("oci-archive:" + savedOci))) {
            assertEquals("example/app:1", s.only().name());
        }
        assertEquals(new Run(2, "", "estiba: no image \"nope\" in the local store (" + cache
            + "); load one with estiba load, or name a location such as oci:DIR:TAG\n"), run("save", "nope", "-o", "x"));

        r = run("cache", "du");
        assertTrue(r.out().contains("Images:      1\n"), r.out());
        assertTrue(r.out().contains("Blobs:       3 "), r.out());
        r = run("cache", "prune", "--keep-duration", "0s");
        assertEquals("Removed 0 files, 0B reclaimed\n", r.out());
        assertEquals(2, run("cache", "prune", "--keep-duration", "soon").exit());
    }

    @Test
    void loadAcceptsGzippedArchivesAndNamesWithTag() throws IOException {
        Path oci = tmp.resolve("o.tar");
        assertEquals(0, run("convert", "oci:" + layout + ":v1", "oci-archive:" + oci + ":v1").exit());
        Path gz = tmp.resolve("o.tar.gz");
        try (var in = Files.newInputStream(oci); var out = Files.newOutputStream(gz);
             var z = new java.util.zip.GZIPOutputStream(out)) {
            in.transferTo(z);
        }
        Run r = run("load", gz.toString());
        assertEquals(new Run(0, "Loaded image ID: " + image.id()
            + " (no name; give one with -t, or cache prune may remove it)\n", ""), r);
        assertEquals(new Run(0, "Loaded image: mine:latest\n", ""), run("load", "-t", "mine", gz.toString()));
    }
}
