package dev.estiba.layer;

import dev.estiba.image.Digest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a {@link ChangeSet} as a layer blob in one pass: each file is read once and its bytes flow through the
 * tar writer into the diff-id digest, the compressor and the blob digest at the same time, into a temporary file
 * that is renamed to its digest when complete. Memory stays flat whatever the layer size.
 *
 * <p>The output is reproducible: entries sorted by path (UTF-8 byte order), opaque markers right after their
 * directory, times in whole seconds and clamped to SOURCE_DATE_EPOCH when one is given, no user or group
 * names, fixed compressor headers. Hard-linked files are written as a regular file at the first path of the
 * group in sort order, the other paths linking to it.
 */
public final class LayerWriter {

    /** The name of an opaque-directory marker. */
    public static final String OPAQUE_MARKER = ".wh..wh..opq";
    /** The prefix of a whiteout file. */
    public static final String WHITEOUT_PREFIX = ".wh.";

    /** Bytes per hand-off from the tar writer to the digest and compressor thread, and how many chunks exist. */
    private static final int HAND_OFF_CHUNK = 1 << 20;
    private static final int HAND_OFF_CHUNKS = 4;

    private final Compression compression;
    private final Instant sourceDateEpoch;

    /**
     * @param compression how to compress the blob
     * @param sourceDateEpoch times later than this are clamped to it; null keeps every time
     */
    public LayerWriter(Compression compression, Instant sourceDateEpoch) {
        this.compression = Objects.requireNonNull(compression, "compression");
        this.sourceDateEpoch = sourceDateEpoch;
    }

    /**
     * The time SOURCE_DATE_EPOCH gives (seconds since the epoch), or null when it is unset or empty.
     *
     * @throws IllegalArgumentException when it is set but not a whole number of seconds
     */
    public static Instant sourceDateEpoch(Map<String, String> environment) {
        String value = environment.get("SOURCE_DATE_EPOCH");
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SOURCE_DATE_EPOCH=\"" + value + "\" is not a number of seconds");
        }
    }

    /** Writes the layer into {@code directory}, named by the hex of its digest. */
    public WrittenLayer write(ChangeSet changes, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, ".layer-", ".tmp");
        try {
            Result r;
            try (OutputStream file = Files.newOutputStream(temp)) {
                r = write(changes, file);
            }
            Path target = directory.resolve(r.digest().hex());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new WrittenLayer(r.digest(), r.size(), r.diffId(), r.diffSize(), compression.type(), target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The digests and sizes of a layer written to a stream. */
    public record Result(Digest digest, long size, Digest diffId, long diffSize) {
    }

    /** Writes the compressed layer to {@code out} (left open). */
    public Result write(ChangeSet changes, OutputStream out) throws IOException {
        HashingOutputStream blob = new HashingOutputStream(new BufferedOutputStream(out, 256 * 1024));
        OutputStream compressor;
        HashingOutputStream tar;
        if (compression instanceof NoCompression) {
            // The blob is the tar: one digest serves as both.
            compressor = new KeepOpenOutputStream(blob);
            tar = blob;
        } else {
            compressor = compression.compress(blob);
            tar = new HashingOutputStream(compressor);
        }
        // Files are read and tar headers made on this thread; digests, compression and output on another.
        HandOffOutputStream handOff =
            new HandOffOutputStream(tar, HAND_OFF_CHUNK, HAND_OFF_CHUNKS, "estiba-layer-out");
        boolean complete = false;
        try {
            try (TarWriter writer = new TarWriter(handOff)) {
                for (Planned p : plan(changes)) {
                    if (p.content() == null) {
                        writer.write(p.header(), null);
                    } else {
                        try (InputStream in = p.content().open()) {
                            writer.write(p.header(), in);
                        } catch (java.nio.file.NoSuchFileException e) {
                            throw new LayerWriteException(p.header().name() + ": source vanished: " + e.getFile(), e);
                        }
                    }
                }
            }
            handOff.close();
            complete = true;
        } finally {
            if (!complete) {
                handOff.abort();
            }
        }
        compressor.close();
        blob.close();
        Digest blobDigest = blob.digest();
        Digest diffId = tar == blob ? blobDigest : tar.digest();
        return new Result(blobDigest, blob.count(), diffId, tar.count());
    }

    private record Planned(String sortKey, TarWriter.Header header, ContentSource content) {
    }

    /** Every tar entry of the layer, in the order it is written. */
    private List<Planned> plan(ChangeSet changes) {
        Map<String, ChangeEntry> byPath = new HashMap<>();
        Map<String, String> linkLeader = hardLinkLeaders(changes, byPath);
        List<Planned> out = new ArrayList<>();
        for (ChangeEntry e : changes.entries()) {
            String leader = linkLeader.get(e.path());
            if (leader != null) {
                ChangeEntry inode = byPath.get(e.type() == EntryType.HARDLINK ? e.linkTarget() : e.path());
                if (leader.equals(e.path())) {
                    out.add(new Planned(e.path(), header(inode, e.path(), EntryType.FILE, null), inode.content()));
                } else {
                    out.add(new Planned(e.path(), header(inode, e.path(), EntryType.HARDLINK, leader), null));
                }
                continue;
            }
            out.add(new Planned(e.path(), header(e, e.path(), e.type(), e.linkTarget()), e.content()));
        }
        long whiteoutTime = sourceDateEpoch == null ? 0 : sourceDateEpoch.getEpochSecond();
        for (String d : changes.deleted()) {
            String parent = LayerPath.parent(d);
            String name = (parent.isEmpty() ? "" : parent + "/") + WHITEOUT_PREFIX + LayerPath.name(d);
            out.add(new Planned(name, marker(name, whiteoutTime), null));
        }
        for (String d : changes.opaqueDirectories()) {
            String name = d + "/" + OPAQUE_MARKER;
            out.add(new Planned(d + "/\0", marker(name, whiteoutTime), null));
        }
        out.sort(Comparator.comparing(Planned::sortKey, LayerPath.BYTE_ORDER));
        return out;
    }

    /** For each path in a hard-link group, the group's first path in sort order (which carries the content). */
    private static Map<String, String> hardLinkLeaders(ChangeSet changes, Map<String, ChangeEntry> byPath) {
        Map<String, List<String>> groups = new HashMap<>();
        for (ChangeEntry e : changes.entries()) {
            byPath.put(e.path(), e);
            if (e.type() == EntryType.HARDLINK) {
                groups.computeIfAbsent(e.linkTarget(), t -> new ArrayList<>(List.of(t))).add(e.path());
            }
        }
        Map<String, String> leaders = new HashMap<>();
        for (List<String> group : groups.values()) {
            group.sort(LayerPath.BYTE_ORDER);
            for (String p : group) {
                leaders.put(p, group.get(0));
            }
        }
        return leaders;
    }

    private TarWriter.Header header(ChangeEntry e, String path, EntryType type, String link) {
        String name = type == EntryType.DIRECTORY ? path + "/" : path;
        long size = type == EntryType.FILE ? e.size() : 0;
        return new TarWriter.Header(name, type.tarFlag(), e.mode(), e.uid(), e.gid(), size, seconds(e.mtime()),
            link, e.xattrs(), e.device());
    }

    private static TarWriter.Header marker(String name, long mtime) {
        return new TarWriter.Header(name, EntryType.FILE.tarFlag(), 0, 0, 0, 0, mtime, null, null, null);
    }

    private long seconds(Instant mtime) {
        Instant t = sourceDateEpoch != null && mtime.isAfter(sourceDateEpoch) ? sourceDateEpoch : mtime;
        return t.getEpochSecond();
    }
}
