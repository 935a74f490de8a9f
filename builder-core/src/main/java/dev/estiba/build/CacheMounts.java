package dev.estiba.build;

import dev.estiba.files.FileTrees;
import dev.estiba.image.Digest;
import dev.estiba.instructions.Mount;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The directories behind {@code RUN --mount=type=cache}, under the cache dir, named by a digest of the mount's id.
 * A directory is made with the mount's uid, gid and mode the first time. {@code sharing=locked} holds the directory
 * exclusively while the step runs; {@code sharing=private} takes an idle instance of it or makes a fresh one. Holds
 * are taken within this process (a semaphore) and across processes (an advisory lock on {@code <dir>.lock}), so two
 * estiba processes sharing a cache dir serialise too. A cache with {@code from} starts as a copy of that source and
 * is a cache of its own for each source content.
 */
final class CacheMounts {
    private static final Map<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

    private CacheMounts() {
    }

    /** The directory a cache mount with this id uses first. */
    static Path directory(Path caches, String id) {
        return caches.resolve(Digest.sha256(id.getBytes(StandardCharsets.UTF_8)).hex());
    }

    /** Makes a new cache directory's first contents: a new directory under {@code parent}. */
    @FunctionalInterface
    interface Seeder {
        Path make(Path parent) throws IOException, BuildException;
    }

    /** A directory held for one step; closing releases the hold. */
    record Held(Path directory, Closeable release) implements Closeable {
        @Override
        public void close() throws IOException {
            release.close();
        }
    }

    /**
     * Takes the cache directory for a step as the mount's sharing mode says: {@code shared} holds nothing,
     * {@code locked} waits for the directory, {@code private} takes the first idle instance or a new one.
     */
    static Held take(Path caches, String name, Mount m, Seeder seeder) throws IOException, BuildException {
        Path first = directory(caches, name);
        String sharing = m.sharing().orElse("shared");
        if (sharing.equals("shared")) {
            ensure(first, m, seeder);
            return new Held(first, () -> { });
        }
        if (sharing.equals("locked")) {
            ensure(first, m, seeder);
            return new Held(first, hold(first, true));
        }
        for (int n = 0; ; n++) {
            Path instance = n == 0 ? first : first.resolveSibling(first.getFileName() + "-" + n);
            ensure(instance, m, seeder);
            Closeable hold = hold(instance, false);
            if (hold != null) {
                return new Held(instance, hold);
            }
        }
    }

    /** An exclusive hold on {@code dir}; null when {@code wait} is false and another step holds it. */
    private static Closeable hold(Path dir, boolean wait) throws IOException {
        Semaphore local = IN_PROCESS.computeIfAbsent(dir, d -> new Semaphore(1));
        if (wait) {
            try {
                local.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the locked cache mount " + dir);
            }
        } else if (!local.tryAcquire()) {
            return null;
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolveSibling(dir.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = wait ? channel.lock() : channel.tryLock();
            if (lock == null) {
                channel.close();
                local.release();
                return null;
            }
            FileChannel held = channel;
            return () -> {
                try {
                    held.close(); // releases the lock
                } finally {
                    local.release();
                }
            };
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            local.release();
            throw e;
        }
    }

    /**
     * Makes the directory under a temporary name, so a half-made cache never shows: seeded (a copy of the mount's
     * {@code from}, whose owner and mode it keeps, as BuildKit does), else empty with the mount's uid, gid and mode.
     */
    private static void ensure(Path dir, Mount m, Seeder seeder) throws IOException, BuildException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.getParent());
        Path tmp;
        if (seeder != null) {
            tmp = seeder.make(dir.getParent());
        } else {
            tmp = Files.createTempDirectory(dir.getParent(), ".new-");
            Files.setAttribute(tmp, "unix:uid", m.uid().orElse(0L).intValue());
            Files.setAttribute(tmp, "unix:gid", m.gid().orElse(0L).intValue());
            Files.setAttribute(tmp, "unix:mode", m.mode().orElse(0755) & 07777); // after chown, which may clear bits
        }
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            FileTrees.deleteTree(tmp); // another build made it first
        }
    }
}
