package dev.estiba.context.digest;

import dev.estiba.context.ContextEntry;
import dev.estiba.context.ContextSnapshot;
import dev.estiba.context.EntryType;
import dev.estiba.context.FileStat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

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
        return "sha256:" + HexFormat.of().formatHex(sha256(entry));
    }

    /** The raw SHA-256 of a regular file's contents. */
    public byte[] sha256(ContextEntry entry) throws IOException {
        if (entry.type() != EntryType.FILE) {
            throw new IllegalArgumentException(entry.path() + " is not a regular file");
        }
        Optional<byte[]> known = cache.reusable(entry.path(), entry.stat());
        if (known.isPresent()) {
            return known.get();
        }
        Path file = snapshot.file(entry.path());
        MessageDigest md = newSha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = opener.open(file)) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(null, null,
                "cannot read \"" + entry.path() + "\" in the build context: permission denied");
        }
        byte[] sha = md.digest();
        Instant taken = clock.instant();
        if (FileStat.of(file).sameIdentityAndTimes(entry.stat())) {
            cache.record(entry.path(), entry.stat(), taken.getEpochSecond() * 1_000_000_000L + taken.getNano(), sha);
        }
        return sha;
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
