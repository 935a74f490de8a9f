package dev.estiba.format;

import dev.estiba.image.ExecutionConfig;
import dev.estiba.image.HistoryEntry;
import dev.estiba.image.Image;
import dev.estiba.image.ImageConfig;
import dev.estiba.image.ImageJson;
import dev.estiba.image.ImageManifest;
import dev.estiba.image.JsonBlob;
import dev.estiba.image.Platform;
import dev.estiba.layer.ChangeEntry;
import dev.estiba.layer.ChangeSet;
import dev.estiba.layer.Compression;
import dev.estiba.layer.ContentSource;
import dev.estiba.layer.LayerWriter;
import dev.estiba.store.BlobStore;
import dev.estiba.store.StoredImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small images built with the real layer writer, for format tests. */
final class TestImages {
    static final Instant T = Instant.parse("2024-01-02T03:04:05Z");

    private TestImages() {
    }

    /** Two layers: files with owners and modes, a symlink, a hard link; then a whiteout and an opaque dir. */
    static List<ChangeSet> changes() {
        byte[] script = "#!/bin/sh\necho hello from estiba\n".getBytes(StandardCharsets.US_ASCII);
        ChangeSet base = ChangeSet.of(List.of(
            ChangeEntry.directory("app", 0755, 0, 0, T),
            ChangeEntry.file("app/hello.sh", 0755, 1000, 1000, T, script.length, ContentSource.of(script)),
            ChangeEntry.file("app/data.txt", 0640, 0, 50, T, 4, ContentSource.of("data".getBytes(StandardCharsets.US_ASCII))),
            ChangeEntry.hardlink("app/data-link.txt", "app/data.txt", 0640, 0, 50, T),
            ChangeEntry.symlink("app/latest", "hello.sh", 0, 0, T),
            ChangeEntry.directory("etc", 0755, 0, 0, T),
            ChangeEntry.file("etc/motd", 0644, T, "welcome\n".getBytes(StandardCharsets.US_ASCII)),
            ChangeEntry.directory("var", 0755, 0, 0, T),
            ChangeEntry.directory("var/cache", 0700, 0, 0, T),
            ChangeEntry.file("var/cache/old", 0600, T, new byte[] {1})));
        ChangeSet top = new ChangeSet(List.of(
            ChangeEntry.directory("var/cache", 0755, 0, 0, T),
            ChangeEntry.file("var/cache/new", 0644, 2, 3, T, 3, ContentSource.of(new byte[] {'n', 'e', 'w'}))),
            Set.of("etc/motd"), Set.of("var/cache"));
        return List.of(base, top);
    }

    /** The sample image, its layers compressed with {@code compression}, blobs in {@code store}. */
    static Image sample(BlobStore store, Compression compression, boolean docker) throws IOException {
        ImageConfig config = ImageConfig.empty(Platform.parse("linux/amd64")).withCreated(T.toString())
            .withConfig(ExecutionConfig.EMPTY.withEnv(List.of("PATH=/usr/bin:/bin"))
                .withEntrypoint(List.of("/app/hello.sh")).withWorkingDir("/app")
                .withLabels(Map.of("org.example.test", "yes")).withUser("1000"));
        List<StoredImages.LayerStep> steps = new ArrayList<>();
        int i = 0;
        for (ChangeSet cs : changes()) {
            steps.add(new StoredImages.LayerStep(cs, new HistoryEntry(T.toString(), "layer " + (++i), false)));
        }
        Image image = StoredImages.assemble(store, config, steps, new LayerWriter(compression, null), docker);
        // an ENTRYPOINT row without a layer, so history and layers differ in length as in real images
        ImageConfig withRow = image.config().value()
            .plusHistory(new HistoryEntry(T.toString(), "ENTRYPOINT [\"/app/hello.sh\"]", true));
        JsonBlob<ImageConfig> configBlob = JsonBlob.of(withRow);
        store.put(configBlob.bytes());
        ImageManifest m = image.manifest().value().withConfig(
            configBlob.descriptor(image.manifest().value().config().mediaType()));
        store.put(ImageJson.write(m));
        return new Image(JsonBlob.of(m), configBlob, store::open);
    }
}
