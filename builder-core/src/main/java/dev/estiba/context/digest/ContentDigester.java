package dev.estiba.context.digest;

import dev.estiba.image.Digest;
import dev.estiba.context.ContextEntry;
import dev.estiba.context.ContextSnapshot;
import dev.estiba.context.EntryType;
import dev.estiba.context.FileStat;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 of context files, streamed, reusing a {@link StatCache} digest when the file provably did not change.
 * A file that changes while it is read is hashed but not cached. Safe to share between threads (stages digest
 * in parallel) when the opener is.
 */
public final class ContentDigester {
    /** Opens a file's contents; tests count reads through it. */
    @FunctionalInterface
    public interface Opener {
        /** Opens {@code file} for reading. */
        InputStream open(Path file) throws IOException;
    }

    private final ContextSnapshot snapshot;
    private final StatCache cache;
    private final Opener opener;
    private final Clock clock;
    /** Digests of files read whole during this build, by path. */
    private final Map<String, byte[]> readWhole = new ConcurrentHashMap<>();

    /**
     * @param opener how to read files ({@code Files::newInputStream} in production)
     * @param clock  when a digest counts as taken (the racy-edit rule compares against it)
     */
    public ContentDigester(ContextSnapshot snapshot, StatCache cache, Opener opener, Clock clock) {
        this.snapshot = snapshot;
        this.cache = cache;
        this.opener = opener;
        this.clock = clock;
    }

    /** A digester reading files directly, with the system clock. */
    public static ContentDigester of(ContextSnapshot snapshot, StatCache cache) {
        return new ContentDigester(snapshot, cache, Files::newInputStream, Clock.systemUTC());
    }

    /** The {@code sha256:<hex>} digest of a regular file's contents. */
    public String digest(ContextEntry entry) throws IOException {
        return Digest.ofSha256(sha256(entry)).toString();
    }

    /** The raw SHA-256 of a regular file's contents. */
    public byte[] sha256(ContextEntry entry) throws IOException {
        if (entry.type() != EntryType.FILE) {
            throw new IllegalArgumentException(entry.path() + " is not a regular file");
        }
        byte[] read = readWhole.get(entry.path());
        if (read != null) {
            return read;
        }
        Optional<byte[]> known = cache.reusable(entry.path(), entry.stat());
        if (known.isPresent()) {
            return known.get();
        }
        Path file = snapshot.file(entry.path());
        MessageDigest md = Digest.newSha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = open(entry, file)) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
        }
        byte[] sha = md.digest();
        remember(entry, file, sha);
        return sha;
    }

    /** Whether a file's digest is known without reading it: from the stat cache, or read whole before. */
    public boolean known(ContextEntry entry) {
        return readWhole.containsKey(entry.path()) || cache.reusable(entry.path(), entry.stat()).isPresent();
    }

    /**
     * Opens a regular file for a reader that reads all of it anyway (the layer writer), hashing the bytes on the
     * way: a stream read to its end, at the size the snapshot saw, leaves the file's digest behind, so that
     * {@link #sha256} does not read the file a second time.
     */
    public InputStream reading(ContextEntry entry) throws IOException {
        Path file = snapshot.file(entry.path());
        MessageDigest md = Digest.newSha256();
        return new FilterInputStream(open(entry, file)) {
            private long count;
            private boolean ended;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b < 0) {
                    ended = true;
                } else {
                    md.update((byte) b);
                    count++;
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n < 0) {
                    ended = true;
                } else {
                    md.update(buf, off, n);
                    count += n;
                }
                return n;
            }

            @Override
            public long skip(long n) {
                return 0; // every byte must pass through the digest
            }

            @Override
            public void close() throws IOException {
                super.close();
                if (ended && count == entry.stat().size() && !readWhole.containsKey(entry.path())) {
                    remember(entry, file, md.digest());
                }
            }
        };
    }

    private InputStream open(ContextEntry entry, Path file) throws IOException {
        try {
            return opener.open(file);
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(null, null,
                "cannot read \"" + entry.path() + "\" in the build context: permission denied");
        }
    }

    /** Keeps a digest for this build, and in the stat cache when the file provably did not change meanwhile. */
    private void remember(ContextEntry entry, Path file, byte[] sha) throws IOException {
        readWhole.put(entry.path(), sha);
        Instant taken = clock.instant();
        if (FileStat.of(file).sameIdentityAndTimes(entry.stat())) {
            cache.record(entry.path(), entry.stat(), taken.getEpochSecond() * 1_000_000_000L + taken.getNano(), sha);
        }
    }

}
