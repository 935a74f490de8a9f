package dev.estiba.context.digest;

import dev.estiba.image.Digest;
import dev.estiba.context.ContextEntry;
import dev.estiba.context.ContextSnapshot;
import dev.estiba.context.EntryType;
import dev.estiba.context.FileStat;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Remembers the content digest of each context file together with what {@code lstat} said when it was taken,
 * so that an unchanged file need not be read again. A digest is reused only when size, mtime, ctime (both in
 * nanoseconds), inode and device are all unchanged, and the file's mtime and ctime fall in an earlier second
 * than the moment the digest was taken. The second rule is git's guard against racy edits: a file changed
 * within the same second as it was hashed may keep every stat field on file systems with coarse timestamps,
 * so it is hashed again until its times are safely older than the digest. Together they defeat an edit that
 * restores the mtime and keeps the size (buildkit#4950): the edit moves the ctime.
 *
 * <p>One cache file per context directory under {@code CACHE_DIR/context-stat/}, written whole under a
 * temporary name and renamed into place. A missing or unreadable cache file is an empty cache. Lookups and
 * records may come from several threads; {@link #save()} is called once, after them.
 */
public final class StatCache {
    private static final String MAGIC = "estiba-stat-cache";
    private static final int VERSION = 1;

    /** What the cache knows about one file. */
    record Entry(FileStat stat, long takenAtNanos, byte[] sha256) {
    }

    private final Path file;
    private final Set<String> live;
    private final Map<String, Entry> previous;
    private final Map<String, Entry> fresh = new ConcurrentHashMap<>();

    private StatCache(Path file, Set<String> live, Map<String, Entry> previous) {
        this.file = file;
        this.live = live;
        this.previous = previous;
    }

    /** A cache that lives in memory only (nothing is saved). */
    public static StatCache inMemory() {
        return new StatCache(null, null, new HashMap<>());
    }

    /**
     * Opens the cache for a context, reading what an earlier build saved.
     *
     * @param cacheDir the build cache directory
     * @param snapshot the context; entries for files no longer in it are dropped when saving
     */
    public static StatCache open(Path cacheDir, ContextSnapshot snapshot) {
        String key = Digest.sha256(
            snapshot.root().toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8)).hex();
        Path file = cacheDir.resolve("context-stat").resolve(key);
        Set<String> live = snapshot.entries().stream().filter(e -> e.type() == EntryType.FILE)
            .map(ContextEntry::path).collect(Collectors.toSet());
        return new StatCache(file, live, load(file));
    }

    /**
     * The digest taken earlier for {@code path}, if the file provably has not changed since.
     *
     * @param now what lstat says now
     */
    public Optional<byte[]> reusable(String path, FileStat now) {
        Entry e = fresh.get(path);
        if (e == null) {
            e = previous.get(path);
        }
        if (e == null || !e.stat().sameIdentityAndTimes(now)) {
            return Optional.empty();
        }
        long takenSecond = Math.floorDiv(e.takenAtNanos(), 1_000_000_000L);
        long changedSecond = Math.floorDiv(Math.max(now.mtimeNanos(), now.ctimeNanos()), 1_000_000_000L);
        if (changedSecond >= takenSecond) {
            return Optional.empty(); // racily clean: changed in the second the digest was taken, or later
        }
        return Optional.of(e.sha256().clone());
    }

    /**
     * Records a digest.
     *
     * @param stat         lstat of the file before it was read, unchanged after reading
     * @param takenAtNanos when reading finished, nanoseconds since the epoch
     */
    public void record(String path, FileStat stat, long takenAtNanos, byte[] sha256) {
        fresh.put(path, new Entry(stat, takenAtNanos, sha256.clone()));
    }

    /** Writes the cache atomically (no-op for an in-memory cache, or when nothing was added or dropped). */
    public void save() throws IOException {
        if (file == null) {
            return;
        }
        if (fresh.isEmpty() && live.containsAll(previous.keySet())) {
            return; // nothing new, nothing gone: the file on disk already says it (a warm build's common case)
        }
        Map<String, Entry> all = new TreeMap<>();
        previous.forEach((k, v) -> {
            if (live.contains(k)) {
                all.put(k, v);
            }
        });
        all.putAll(fresh);
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".stat-", ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16))) {
                out.writeUTF(MAGIC);
                out.writeInt(VERSION);
                out.writeInt(all.size());
                for (Map.Entry<String, Entry> me : all.entrySet()) {
                    byte[] path = me.getKey().getBytes(StandardCharsets.UTF_8);
                    out.writeInt(path.length);
                    out.write(path);
                    FileStat s = me.getValue().stat();
                    out.writeLong(s.size());
                    out.writeLong(s.mtimeNanos());
                    out.writeLong(s.ctimeNanos());
                    out.writeLong(s.inode());
                    out.writeLong(s.device());
                    out.writeLong(me.getValue().takenAtNanos());
                    out.write(me.getValue().sha256());
                }
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Map<String, Entry> load(Path file) {
        Map<String, Entry> out = new HashMap<>();
        try (InputStream is = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(is, 1 << 16))) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION) {
                return out;
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                int len = in.readInt();
                if (len < 0 || len > 1 << 16) {
                    return new HashMap<>();
                }
                String path = new String(in.readNBytes(len), StandardCharsets.UTF_8);
                FileStat stat = new FileStat(EntryType.FILE, 0, in.readLong(), in.readLong(), in.readLong(),
                    in.readLong(), in.readLong());
                long taken = in.readLong();
                byte[] sha = in.readNBytes(32);
                if (sha.length != 32) {
                    return new HashMap<>();
                }
                out.put(path, new Entry(stat, taken, sha));
            }
            return out;
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException | RuntimeException e) {
            return new HashMap<>(); // a damaged cache is an empty cache
        }
    }

}
