package dev.estiba.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import dev.estiba.image.ImageIndex;
import dev.estiba.image.ImageJson;
import dev.estiba.image.ImageManifest;
import dev.estiba.image.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The local images: names ({@code name:tag}) pointing at manifest digests whose blobs are in the
 * {@link BlobStore}. The table is {@code ROOT/images.json}; every change takes an exclusive lock on
 * {@code ROOT/images.lock}, reads the table, and replaces it by renaming a new file over it, so two processes
 * never lose each other's tags.
 */
public final class ImageStore {
    private static final TypeReference<TreeMap<String, Digest>> TABLE = new TypeReference<>() {
    };


    private final BlobStore blobs;

    public ImageStore(BlobStore blobs) {
        this.blobs = blobs;
    }

    public BlobStore blobs() {
        return blobs;
    }

    /** {@code name} with {@code :latest} added when it has no tag. */
    public static String normalize(String reference) {
        int slash = reference.lastIndexOf('/');
        if (reference.isEmpty() || reference.endsWith(":") || reference.contains("@")) {
            throw new IllegalArgumentException("invalid image name \"" + reference + "\": expected NAME[:TAG]");
        }
        return reference.indexOf(':', slash + 1) < 0 ? reference + ":latest" : reference;
    }

    /** Every name and the manifest it points at, sorted by name. */
    public SortedMap<String, Digest> list() throws IOException {
        return Collections.unmodifiableSortedMap(readTable());
    }

    /**
     * The manifest digest of a name, or of an image id: a config or manifest digest, or a prefix of at least
     * 4 hex digits of either. Null when nothing matches.
     */
    public Digest resolve(String reference) throws IOException {
        TreeMap<String, Digest> table = readTable();
        if (!reference.contains("@")) {
            try {
                Digest d = table.get(normalize(reference));
                if (d != null) {
                    return d;
                }
            } catch (IllegalArgumentException e) {
                // not a name; maybe an id
            }
        }
        String hex = reference.startsWith("sha256:") ? reference.substring(7) : reference;
        if (hex.length() < 4 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return null;
        }
        Set<Digest> matches = new HashSet<>();
        for (Digest m : table.values()) {
            if (m.hex().startsWith(hex) || configOf(m).hex().startsWith(hex)) {
                matches.add(m);
            }
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("image id \"" + reference + "\" is ambiguous: it matches "
                + matches.size() + " images");
        }
        return matches.isEmpty() ? null : matches.iterator().next();
    }

    /** The config digest (image id) of a stored image manifest. */
    public Digest configOf(Digest manifest) throws IOException {
        Manifest m = Manifest.parse(blobs.read(manifest), "manifest " + manifest);
        if (m instanceof ImageManifest im) {
            return im.config().digest();
        }
        return manifest;
    }

    /** Points a name at a manifest (which must be in the blob store). */
    public void tag(String reference, Digest manifest) throws IOException {
        if (!blobs.has(manifest)) {
            throw new BlobNotFoundException(manifest, blobs.root().toString());
        }
        String name = normalize(reference);
        update(t -> {
            t.put(name, manifest);
            return t;
        });
    }

    /** Removes a name; true when it was there. */
    public boolean untag(String reference) throws IOException {
        String name = normalize(reference);
        boolean[] removed = new boolean[1];
        update(t -> {
            removed[0] = t.remove(name) != null;
            return t;
        });
        return removed[0];
    }

    /** Every blob the named images need: manifests, indexes, configs and layers. Missing blobs are skipped. */
    public Set<Digest> reachable() throws IOException {
        Set<Digest> seen = new HashSet<>();
        Deque<Digest> todo = new ArrayDeque<>(readTable().values());
        while (!todo.isEmpty()) {
            Digest d = todo.pop();
            if (!seen.add(d) || !blobs.has(d)) {
                continue;
            }
            Manifest m = Manifest.parse(blobs.read(d), "manifest " + d);
            if (m instanceof ImageManifest im) {
                seen.add(im.config().digest());
                im.layers().forEach(l -> seen.add(l.digest()));
            } else if (m instanceof ImageIndex idx) {
                idx.manifests().stream().map(Descriptor::digest).forEach(todo::push);
            }
        }
        return seen;
    }

    /** Runs {@code change} on the table under the lock and writes the result back atomically. */
    void update(UnaryOperator<TreeMap<String, Digest>> change) throws IOException {
        locked(() -> {
            TreeMap<String, Digest> table = change.apply(readTable());
            Path temp = Files.createTempFile(blobs.root(), ".images-", ".tmp");
            try {
                Files.write(temp, ImageJson.write(table));
                Files.move(temp, tableFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            return null;
        });
    }

    /**
     * Holds the table lock while {@code action} runs: a lock within this JVM (file locks are per process) and an
     * exclusive file lock on {@code images.lock} against other processes.
     */
    public <T> T locked(IoSupplier<T> action) throws IOException {
        return FileLocks.locked(blobs.root().resolve("images.lock"), action::get);
    }

    /** An action that may fail with an IOException. */
    @FunctionalInterface
    public interface IoSupplier<T> {
        T get() throws IOException;
    }

    private Path tableFile() {
        return blobs.root().resolve("images.json");
    }

    private TreeMap<String, Digest> readTable() throws IOException {
        Path f = tableFile();
        if (!Files.exists(f)) {
            return new TreeMap<>();
        }
        try {
            Map<String, Digest> read = ImageJson.mapper().readValue(Files.readAllBytes(f), TABLE);
            return read == null ? new TreeMap<>() : new TreeMap<>(read);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new IOException(f + ": damaged image table: " + e.getMessage(), e);
        }
    }
}
