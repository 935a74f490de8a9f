package dev.estiba.build.copy;

import dev.estiba.context.ContextEntry;
import dev.estiba.context.EntryType;
import dev.estiba.context.digest.ModeRule;
import dev.estiba.context.select.SelectedEntry;
import dev.estiba.layer.ContentSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Places selected entries at a COPY or ADD destination, with docker's rules: a destination ending in
 * {@code /} (or an existing directory, or several or wildcard sources) is a directory that receives each
 * entry at its selected relative path; otherwise one named file is written at the destination itself.
 * Symlinked directories on the destination's way are followed inside the image.
 */
public final class CopyWriter {
    /** Where a copied entry's bytes and owner come from. */
    public interface Sources {
        /** The file behind an entry. */
        Path file(ContextEntry entry);

        /** Where the layer writer reads a file entry's bytes: the file, unless the caller hashes them on the way. */
        default ContentSource content(ContextEntry entry) {
            return ContentSource.of(file(entry));
        }

        /** The entry's owner when the copy keeps owners ({@code --from} without {@code --chown}), else empty. */
        default Optional<Owner.Ids> owner(ContextEntry entry) throws IOException {
            return Optional.empty();
        }
    }

    /**
     * How entries are written.
     *
     * @param uid owner when {@code --chown} is given or the source keeps none
     * @param gid group likewise
     * @param mode what {@code --chmod} makes of permission bits
     * @param fixedTime every entry's mtime; null keeps the source's time ({@code --keep-mtimes})
     */
    public record Metadata(long uid, long gid, ModeRule mode, Instant fixedTime) {
    }

    private CopyWriter() {
    }

    /**
     * The absolute path a single named source is written to, or null when the destination is a directory.
     *
     * @param destination absolute destination path as written (a trailing {@code /} kept)
     * @param singleFile true when exactly one non-wildcard source names a file
     */
    public static String fileTarget(ExistingTree tree, String destination, boolean singleFile) throws IOException {
        if (!singleFile || destination.endsWith("/") || destination.endsWith("/.")) {
            return null;
        }
        String resolved = tree.resolve(destination);
        Optional<ExistingTree.Node> n = tree.node(resolved);
        if (n.isPresent() && n.get().kind() == ExistingTree.Kind.DIRECTORY) {
            return null;
        }
        int slash = destination.lastIndexOf('/');
        String parent = slash <= 0 ? "/" : tree.resolve(destination.substring(0, slash));
        return (parent.endsWith("/") ? parent : parent + "/") + destination.substring(slash + 1);
    }

    /** The destination directory with symlinks on its way followed. */
    public static String directoryTarget(ExistingTree tree, String destination) throws IOException {
        return tree.resolve(destination);
    }

    /** Writes a selection under a directory ({@code fileTarget} null) or as one file. */
    public static void write(LayerChanges out, List<SelectedEntry> selection, Sources sources, Metadata meta,
                             String directory, String fileTarget) throws IOException {
        if (fileTarget == null) {
            out.ensureDirectory(directory);
        }
        for (SelectedEntry s : selection) {
            ContextEntry e = s.source();
            String path = fileTarget != null ? fileTarget : join(directory, s.destination());
            Optional<Owner.Ids> kept = sources.owner(e);
            long uid = kept.map(Owner.Ids::uid).orElse(meta.uid());
            long gid = kept.map(Owner.Ids::gid).orElse(meta.gid());
            Instant mtime = meta.fixedTime() != null ? meta.fixedTime() : time(e);
            switch (e.type()) {
                case FILE -> {
                    out.file(path, meta.mode().apply(EntryType.FILE, e.mode()), uid, gid, mtime, e.stat().size(),
                        sources.content(e));
                }
                case DIRECTORY -> out.directory(path, meta.mode().apply(EntryType.DIRECTORY, e.mode()), uid, gid, mtime);
                case SYMLINK -> out.symlink(path, e.linkTarget(), uid, gid, mtime);
                default -> throw new IllegalStateException(e.path());
            }
        }
    }

    /** Writes one file whose bytes are in memory (a heredoc source). */
    public static void writeInline(LayerChanges out, String path, byte[] content, int mode, Metadata meta) {
        Instant mtime = meta.fixedTime() != null ? meta.fixedTime() : Instant.EPOCH;
        out.file(path, meta.mode().apply(EntryType.FILE, mode), meta.uid(), meta.gid(), mtime, content.length,
            ContentSource.of(content));
    }

    /** {@code dir/rel} with one slash between. */
    public static String join(String dir, String rel) {
        if (rel.isEmpty()) {
            return dir;
        }
        return dir.endsWith("/") ? dir + rel : dir + "/" + rel;
    }

    private static Instant time(ContextEntry e) {
        long n = e.stat().mtimeNanos();
        return Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
    }
}
