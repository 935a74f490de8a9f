package dev.estiba.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive locks between threads and processes on a lock file. File locks belong to the process (and closing
 * any channel on the file drops them), so threads of one JVM first take a lock of their own for the same path;
 * the lock file is opened only here and never read, replaced or deleted.
 */
public final class FileLocks {
    private static final ConcurrentHashMap<String, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

    private FileLocks() {
    }

    /** An action that may fail with an IOException. */
    @FunctionalInterface
    public interface IoSupplier<T> {
        T get() throws IOException;
    }

    /** Runs {@code action} while holding the lock on {@code lockFile}, creating the file (and its parents) if needed. */
    public static <T> T locked(Path lockFile, IoSupplier<T> action) throws IOException {
        Path absolute = lockFile.toAbsolutePath().normalize();
        Files.createDirectories(absolute.getParent());
        ReentrantLock local = LOCAL.computeIfAbsent(absolute.toUri().toString(), k -> new ReentrantLock());
        local.lock();
        try (FileChannel channel = FileChannel.open(absolute, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.lock();
            try {
                return action.get();
            } finally {
                lock.release();
            }
        } finally {
            local.unlock();
        }
    }
}
