package dev.estiba.format.ocilayout;

import dev.estiba.format.AtomicOutput;
import dev.estiba.format.DirectoryFiles;
import dev.estiba.format.ImageFormatException;
import dev.estiba.format.LayoutFiles;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Image;
import dev.estiba.image.ImageIndex;
import dev.estiba.image.ImageJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes an image into an OCI layout directory. A new layout is built in a temporary directory beside the
 * target and renamed into place; an existing layout gets the missing blobs (each renamed into place) and then
 * a new {@code index.json}, so other images in it are untouched and a failure leaves the old index.
 * The tag moves: an older entry with the same ref name is replaced.
 */
public final class OciLayoutWriter {
    private OciLayoutWriter() {
    }

    /** Writes {@code image} under {@code tag} (null: untagged) and returns its index entry. */
    public static Descriptor write(Path dir, Image image, String tag) throws IOException {
        Descriptor entry = image.manifest().descriptor(image.manifest().value().effectiveMediaType());
        if (tag != null) {
            entry = entry.withAnnotations(Map.of(Descriptor.REF_NAME, tag));
        }
        String where = "oci:" + dir;
        if (!Files.exists(dir)) {
            Path parent = dir.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempDirectory(parent, "." + dir.getFileName() + "-");
            try {
                fill(temp, image, ImageIndex.oci(List.of(entry)));
                AtomicOutput.shareable(temp, true);
                Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteTree(temp);
            }
            return entry;
        }
        if (!Files.isDirectory(dir)) {
            throw new ImageFormatException(where + ": exists and is not a directory");
        }
        ImageIndex index;
        if (Files.exists(dir.resolve(OciLayout.LAYOUT_FILE))) {
            index = OciLayoutReader.open(new DirectoryFiles(dir, where)).index();
        } else if (isEmpty(dir)) {
            index = ImageIndex.oci(List.of());
        } else {
            throw new ImageFormatException(where + ": exists, is not empty and is not an OCI layout");
        }
        List<Descriptor> entries = new ArrayList<>();
        for (Descriptor d : index.manifests()) {
            String ref = d.annotation(Descriptor.REF_NAME);
            boolean replaced = tag != null ? tag.equals(ref) : ref == null && d.digest().equals(entry.digest());
            if (!replaced) {
                entries.add(d);
            }
        }
        entries.add(entry);
        fill(dir, image, index.withManifests(entries));
        return entry;
    }

    /** Blobs first, then oci-layout, then index.json last, so the index never names a missing blob. */
    private static void fill(Path dir, Image image, ImageIndex index) throws IOException {
        for (Descriptor layer : image.layers()) {
            Path target = dir.resolve(LayoutFiles.blobPath(layer.digest()));
            if (Files.isRegularFile(target) && Files.size(target) == layer.size()) {
                continue;
            }
            AtomicOutput.write(target, out -> {
                try (InputStream in = image.open(layer)) {
                    in.transferTo(out);
                }
            });
        }
        writeBlob(dir, image.config().digest().algorithm(), image.config().digest().hex(), image.config().bytes());
        writeBlob(dir, image.manifest().digest().algorithm(), image.manifest().digest().hex(), image.manifest().bytes());
        Path layout = dir.resolve(OciLayout.LAYOUT_FILE);
        if (!Files.exists(layout)) {
            AtomicOutput.write(layout, OciLayout.LAYOUT_JSON.getBytes(StandardCharsets.UTF_8));
        }
        AtomicOutput.write(dir.resolve(OciLayout.INDEX_FILE), ImageJson.write(index));
    }

    private static void writeBlob(Path dir, String algorithm, String hex, byte[] bytes) throws IOException {
        Path target = dir.resolve("blobs").resolve(algorithm).resolve(hex);
        if (!Files.isRegularFile(target) || Files.size(target) != bytes.length) {
            AtomicOutput.write(target, bytes);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
