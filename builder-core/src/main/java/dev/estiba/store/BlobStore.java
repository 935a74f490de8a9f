package dev.estiba.store;

import dev.estiba.image.CorruptBlobException;
import dev.estiba.image.Digest;
import dev.estiba.image.VerifyingInputStream;
import dev.estiba.layer.HashingOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Content-addressed blobs on disk, at {@code ROOT/blobs/ALGORITHM/HEX}. Every blob is written under a temporary
 * name in its directory and renamed into place once its digest is known (and, when one was expected, checked),
 * so a reader never sees a partial blob and two processes may write the same blob at once: the second rename
 * replaces identical bytes. Reads are verified against the digest. A blob's modification time records its last
 * use, for {@code cache prune}.
 */
public final class BlobStore {
    private final Path root;
    private final Clock clock;

    public BlobStore(Path root) {
        this(root, Clock.systemUTC());
    }

    public BlobStore(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    /** The cache directory this store lives in. */
    public Path root() {
        return root;
    }

    /** The directory holding blobs of one algorithm (created on demand). */
    public Path directory(String algorithm) throws IOException {
        return Files.createDirectories(root.resolve("blobs").resolve(algorithm));
    }

    /** Where a blob is (or would be). */
    public Path path(Digest digest) {
        return root.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
    }

    public boolean has(Digest digest) {
        return Files.isRegularFile(path(digest));
    }

    /** The size of a blob. */
    public long size(Digest digest) throws IOException {
        try {
            return Files.size(path(digest));
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(digest, root.toString());
        }
    }

    /** A stream of a blob that fails at its end unless the bytes match the digest. */
    public InputStream open(Digest digest) throws IOException {
        Path p = path(digest);
        InputStream in;
        try {
            in = Files.newInputStream(p);
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(digest, root.toString());
        }
        touch(p);
        return new VerifyingInputStream(in, digest, -1, "blob " + digest + " in " + root);
    }

    /** All bytes of a small blob (a manifest or config), verified. */
    public byte[] read(Digest digest) throws IOException {
        try (InputStream in = open(digest)) {
            return in.readAllBytes();
        }
    }

    /** Stores bytes and returns their sha256 digest. */
    public Digest put(byte[] bytes) throws IOException {
        Digest d = Digest.sha256(bytes);
        if (has(d)) {
            touch(path(d));
            return d;
        }
        return put(new java.io.ByteArrayInputStream(bytes), d, bytes.length);
    }

    /**
     * Stores a stream. When {@code expected} is given the content must match it (and {@code expectedSize} when
     * not -1), else nothing is stored and {@link CorruptBlobException} is thrown. Returns the digest.
     */
    public Digest put(InputStream in, Digest expected, long expectedSize) throws IOException {
        if (expected != null && has(expected)) {
            touch(path(expected));
            return expected;
        }
        Path dir = directory(expected == null ? Digest.SHA256 : expected.algorithm());
        Path temp = Files.createTempFile(dir, ".blob-", ".tmp");
        try {
            Digest actual;
            long size;
            if (expected == null || expected.algorithm().equals(Digest.SHA256)) {
                try (OutputStream file = Files.newOutputStream(temp);
                     HashingOutputStream hashing = new HashingOutputStream(file)) {
                    in.transferTo(hashing);
                    actual = hashing.digest();
                    size = hashing.count();
                }
                if (expected != null && !expected.equals(actual)) {
                    throw new CorruptBlobException("content does not match digest " + expected + " (got " + actual + ")");
                }
            } else {
                try (OutputStream file = Files.newOutputStream(temp);
                     VerifyingInputStream v = new VerifyingInputStream(in, expected, expectedSize, "blob " + expected)) {
                    size = v.transferTo(file);
                }
                actual = expected;
            }
            if (expectedSize >= 0 && size != expectedSize) {
                throw new CorruptBlobException("blob " + actual + ": size " + size + " does not match the declared "
                    + expectedSize);
            }
            commit(temp, actual);
            return actual;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Moves a finished temporary file (in {@link #directory}) to its digest's name. */
    public Path commit(Path temp, Digest digest) throws IOException {
        Path target = path(digest);
        Files.createDirectories(target.getParent());
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temp);
        }
        touch(target);
        return target;
    }

    /** Marks a blob as just used. */
    public void touch(Digest digest) throws IOException {
        touch(path(digest));
    }

    private void touch(Path p) throws IOException {
        try {
            Files.setLastModifiedTime(p, FileTime.from(clock.instant()));
        } catch (NoSuchFileException e) {
            // removed by a concurrent prune; the caller's open stream still works
        }
    }

    /** A blob on disk with its size and last use. */
    public record BlobInfo(Digest digest, long size, java.time.Instant lastUsed) {
    }

    /** Every blob, in digest order; temporary files are left out. */
    public List<BlobInfo> list() throws IOException {
        List<BlobInfo> out = new ArrayList<>();
        Path blobs = root.resolve("blobs");
        if (!Files.isDirectory(blobs)) {
            return out;
        }
        try (DirectoryStream<Path> algorithms = Files.newDirectoryStream(blobs)) {
            for (Path alg : algorithms) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(alg)) {
                    for (Path f : files) {
                        String name = f.getFileName().toString();
                        if (name.startsWith(".")) {
                            continue;
                        }
                        Digest d;
                        try {
                            d = new Digest(alg.getFileName().toString(), name);
                        } catch (IllegalArgumentException e) {
                            continue;
                        }
                        out.add(new BlobInfo(d, Files.size(f), Files.getLastModifiedTime(f).toInstant()));
                    }
                }
            }
        }
        out.sort((a, b) -> a.digest().compareTo(b.digest()));
        return out;
    }

    /** Temporary files ({@code .NAME.tmp}) in the blob directories: in progress, or left by writers that died. */
    public List<Path> temporaryFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        Path blobs = root.resolve("blobs");
        if (!Files.isDirectory(blobs)) {
            return out;
        }
        try (DirectoryStream<Path> algorithms = Files.newDirectoryStream(blobs)) {
            for (Path alg : algorithms) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(alg, ".*.tmp")) {
                    files.forEach(out::add);
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** Removes a blob; true when it was there. */
    public boolean delete(Digest digest) throws IOException {
        return Files.deleteIfExists(path(digest));
    }

    /** The clock that stamps last use. */
    public Clock clock() {
        return clock;
    }
}
