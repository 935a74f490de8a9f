package dev.estiba.format.ocilayout;

import dev.estiba.files.FileTrees;
import dev.estiba.format.AtomicOutput;
import dev.estiba.format.DirectoryFiles;
import dev.estiba.format.ImageFormatException;
import dev.estiba.format.LayoutFiles;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Image;
import dev.estiba.image.ImageIndex;
import dev.estiba.image.ImageJson;
import dev.estiba.image.ImageTree;
import dev.estiba.store.FileLocks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes an image (one manifest, or a multi-platform index with all its manifests) into an OCI layout
 * directory. A new layout is built in a temporary directory beside the target and renamed into place; an
 * existing layout gets the missing blobs (each renamed into place) and then a new {@code index.json}, so other
 * images in it are untouched and a failure leaves the old index. The tag moves: an older entry with the same
 * ref name is replaced.
 *
 * <p>Several writers may add to one layout at once (threads or processes): the read-modify-write of
 * {@code index.json} happens under an exclusive lock on {@link #LOCK_FILE} inside the layout, so every
 * writer's entry lands. Blobs need no lock: each is renamed into place complete, and equal names mean equal
 * bytes.
 */
public final class OciLayoutWriter {
    /** The lock file writers hold while they replace {@code index.json}; other tools ignore it. */
    public static final String LOCK_FILE = "index.json.lock";

    private OciLayoutWriter() {
    }

    /** Writes {@code image} under {@code tag} (null: untagged) and returns its index entry. */
    public static Descriptor write(Path dir, Image image, String tag) throws IOException {
        return write(dir, ImageTree.of(image), tag);
    }

    /** Writes a whole image tree (every platform of an index) under {@code tag} and returns its index entry. */
    public static Descriptor write(Path dir, ImageTree tree, String tag) throws IOException {
        Descriptor entry = tree.descriptor();
        if (tag != null) {
            entry = entry.withAnnotations(Map.of(Descriptor.REF_NAME, tag));
        }
        String where = "oci:" + dir;
        List<ImageTree.Blob> blobs;
        try {
            blobs = tree.walk();
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException(where + ": " + e.getMessage(), e);
        }
        if (!Files.exists(dir) && createNew(dir, tree, blobs, entry)) {
            return entry;
        }
        if (!Files.isDirectory(dir)) {
            throw new ImageFormatException(where + ": exists and is not a directory");
        }
        checkWritable(dir, where);
        writeBlobs(dir, tree, blobs);
        Descriptor added = entry;
        String ref = tag;
        FileLocks.locked(dir.resolve(LOCK_FILE), () -> {
            ImageIndex index = Files.exists(dir.resolve(OciLayout.INDEX_FILE))
                ? OciLayoutReader.open(new DirectoryFiles(dir, where)).index() : ImageIndex.oci(List.of());
            List<Descriptor> entries = new ArrayList<>();
            for (Descriptor d : index.manifests()) {
                String name = d.annotation(Descriptor.REF_NAME);
                boolean replaced = ref != null ? ref.equals(name) : name == null && d.digest().equals(added.digest());
                if (!replaced) {
                    entries.add(d);
                }
            }
            entries.add(added);
            AtomicOutput.write(dir.resolve(OciLayout.INDEX_FILE), ImageJson.write(index.withManifests(entries)));
            return null;
        });
        return entry;
    }

    /**
     * Builds the layout in a temporary directory and renames it into place. False when another writer created
     * the directory meanwhile: the caller then adds to it.
     */
    private static boolean createNew(Path dir, ImageTree tree, List<ImageTree.Blob> blobs, Descriptor entry)
        throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, "." + dir.getFileName() + "-");
        try {
            writeBlobs(temp, tree, blobs);
            AtomicOutput.write(temp.resolve(OciLayout.INDEX_FILE), ImageJson.write(ImageIndex.oci(List.of(entry))));
            AtomicOutput.shareable(temp, true);
            try {
                Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException raced) {
                if (Files.isDirectory(dir)) {
                    return false; // ENOTEMPTY or EEXIST: another writer's layout is there now
                }
                throw raced;
            }
            return true;
        } finally {
            FileTrees.deleteTree(temp);
        }
    }

    /** An existing directory must be a layout, or empty (a lock file of a writer that got there first aside). */
    private static void checkWritable(Path dir, String where) throws IOException {
        if (Files.exists(dir.resolve(OciLayout.LAYOUT_FILE))) {
            OciLayoutReader.open(new DirectoryFiles(dir, where));
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            if (s.anyMatch(p -> !p.getFileName().toString().equals(LOCK_FILE))) {
                throw new ImageFormatException(where + ": exists, is not empty and is not an OCI layout");
            }
        }
    }

    /** Blobs (each manifest after what it names), then oci-layout; index.json is the caller's, last. */
    private static void writeBlobs(Path dir, ImageTree tree, List<ImageTree.Blob> blobs) throws IOException {
        for (ImageTree.Blob blob : blobs) {
            Descriptor d = blob.descriptor();
            Path target = dir.resolve(LayoutFiles.blobPath(d.digest()));
            if (Files.isRegularFile(target) && Files.size(target) == d.size()) {
                continue;
            }
            if (blob.bytes() != null) {
                AtomicOutput.write(target, blob.bytes());
            } else {
                AtomicOutput.write(target, out -> {
                    try (InputStream in = tree.open(d)) {
                        in.transferTo(out);
                    }
                });
            }
        }
        Path layout = dir.resolve(OciLayout.LAYOUT_FILE);
        if (!Files.exists(layout)) {
            AtomicOutput.write(layout, OciLayout.LAYOUT_JSON.getBytes(StandardCharsets.UTF_8));
        }
    }

}
