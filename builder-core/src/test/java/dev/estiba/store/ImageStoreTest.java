package dev.estiba.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import dev.estiba.image.ImageJson;
import dev.estiba.image.ImageManifest;
import dev.estiba.image.MediaTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageStoreTest {
    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final BlobStore blobs = new BlobStore(fs.getPath("/c"), Clock.fixed(NOW, ZoneOffset.UTC));
    private final ImageStore images = new ImageStore(blobs);

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private Digest image(String config, String layer) throws IOException {
        Digest c = blobs.put(config.getBytes(StandardCharsets.UTF_8));
        Digest l = blobs.put(layer.getBytes(StandardCharsets.UTF_8));
        ImageManifest m = ImageManifest.oci(new Descriptor(MediaTypes.OCI_CONFIG, c, config.length()),
            List.of(new Descriptor(MediaTypes.OCI_LAYER, l, layer.length())));
        return blobs.put(ImageJson.write(m));
    }

    @ParameterizedTest
    @CsvSource({"alpine,alpine:latest", "alpine:3.20,alpine:3.20", "localhost:5000/app,localhost:5000/app:latest",
        "localhost:5000/app:v1,localhost:5000/app:v1"})
    void namesGetLatestWhenUntagged(String in, String out) {
        assertEquals(out, ImageStore.normalize(in));
    }

    @Test
    void tagsResolveByNameAndId() throws IOException {
        Digest a = image("{\"a\":1}", "layer-a");
        Digest b = image("{\"b\":1}", "layer-b");
        images.tag("app", a);
        images.tag("app:v2", b);
        images.tag("app:v2", a);
        assertEquals(Map.of("app:latest", a, "app:v2", a), images.list());
        assertEquals(a, images.resolve("app"));
        assertEquals(a, images.resolve(a.hex().substring(0, 8)));
        Digest configA = images.configOf(a);
        assertEquals(a, images.resolve("sha256:" + configA.hex()));
        assertNull(images.resolve("nothere"));
        assertTrue(images.untag("app:v2"));
        assertEquals(Map.of("app:latest", a), images.list());
        assertEquals("blob " + Digest.sha256(new byte[0]) + " not found in /c", assertThrows(BlobNotFoundException.class,
            () -> images.tag("x", Digest.sha256(new byte[0]))).getMessage());
    }

    @Test
    void duAndPruneKeepTaggedAndRecentBlobs() throws IOException {
        Digest kept = image("{\"k\":1}", "kept-layer");
        images.tag("kept", kept);
        Digest oldLoose = blobs.put("old".getBytes(StandardCharsets.UTF_8));
        Digest newLoose = blobs.put("new!".getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(blobs.path(oldLoose), FileTime.from(NOW.minus(Duration.ofDays(3))));
        Files.setLastModifiedTime(blobs.path(kept), FileTime.from(NOW.minus(Duration.ofDays(30))));
        var stale = Files.createTempFile(blobs.directory("sha256"), ".blob-", ".tmp");
        Files.write(stale, new byte[10]);
        Files.setLastModifiedTime(stale, FileTime.from(NOW.minus(Duration.ofHours(2))));

        CacheMaintenance m = new CacheMaintenance(images);
        CacheUsage u = m.usage();
        assertEquals(5, u.blobs());
        assertEquals(3, u.referencedBlobs());
        assertEquals(1, u.temporaryFiles());
        assertEquals(10, u.temporaryBytes());
        assertEquals(1, u.images());

        assertEquals(new CacheMaintenance.Pruned(2, 13), m.prune(Duration.ofDays(1)));
        Set<Digest> left = Set.copyOf(blobs.list().stream().map(BlobStore.BlobInfo::digest).toList());
        assertEquals(Set.of(kept, images.configOf(kept), newLoose,
            Digest.sha256("kept-layer".getBytes(StandardCharsets.UTF_8))), left);
        assertEquals(new CacheMaintenance.Pruned(1, 4), m.prune(Duration.ZERO.minusSeconds(1)));
    }
}
