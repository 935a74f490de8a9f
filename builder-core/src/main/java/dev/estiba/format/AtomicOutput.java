package dev.estiba.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file under a temporary name beside it and moves it into place only when complete. */
public final class AtomicOutput {
    private AtomicOutput() {
    }

    /** Something that writes to a stream. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code target}; on failure the old file (or its absence) stays as it was. */
    public static void write(Path target, Body body) throws IOException {
        // Checked first: the move would fail only at the end, naming the temporary file rather than the target.
        if (Files.isDirectory(target)) {
            throw new java.nio.file.FileSystemException(target.toString(), null, "is a directory, not a file");
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + "-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                body.writeTo(out);
            }
            shareable(temp, false);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Gives a finished temporary file or directory the permissions of an ordinary output (temporary files are
     * created private): {@code 0644}, or {@code 0755} for a directory. No-op where POSIX permissions do not exist.
     */
    public static void shareable(Path path, boolean directory) throws IOException {
        if (Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(
                directory ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }

    /** Writes bytes to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }
}
