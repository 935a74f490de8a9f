package dev.estiba.context;

import dev.estiba.files.FileTrees;
import dev.estiba.layer.compress.Decompression;
import dev.estiba.layer.compress.DetectedFormat;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * What {@code estiba build -} reads from standard input, told apart by its first bytes as docker does: a tar
 * (plain or gzip, bzip2, xz, zstd compressed) is the build context, unpacked by {@link ContextArchive};
 * anything else is a Dockerfile alone, with an empty context (as buildx does). What is written is temporary:
 * {@link #close()} removes it.
 */
public final class StdinContext implements AutoCloseable {
    private final Path scratch;
    private final Path directory;
    private final Path dockerfile;

    private StdinContext(Path scratch, Path directory, Path dockerfile) {
        this.scratch = scratch;
        this.directory = directory;
        this.dockerfile = dockerfile;
    }

    /**
     * Reads standard input's bytes into a new directory under {@code parent}.
     *
     * @param in the bytes (read to their end)
     * @param parent where the temporary directory goes
     * @param dockerfileNamed whether the build names its Dockerfile elsewhere ({@code -f}): then a Dockerfile on
     *     standard input is ambiguous and refused
     * @throws ContextArchiveException when a tar is unsafe or damaged, or a Dockerfile comes from both places
     */
    public static StdinContext read(InputStream in, Path parent, boolean dockerfileNamed)
            throws IOException, ContextArchiveException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(512);
        byte[] head = buffered.readNBytes(512);
        buffered.reset();
        boolean archive = isArchive(head);
        if (!archive && dockerfileNamed) {
            throw new ContextArchiveException(
                "ambiguous Dockerfile source: both stdin and flag correspond to Dockerfiles");
        }
        Files.createDirectories(parent);
        Path scratch = Files.createTempDirectory(parent, "stdin-");
        boolean done = false;
        try {
            StdinContext c;
            if (archive) {
                Path dir = ContextArchive.extract(buffered, scratch);
                c = new StdinContext(scratch, dir, dir.resolve("Dockerfile"));
            } else {
                // As buildx does: the Dockerfile goes to the frontend, the context is an empty directory.
                Path file = scratch.resolve("Dockerfile");
                Files.copy(buffered, file);
                c = new StdinContext(scratch, Files.createDirectory(scratch.resolve("empty")), file);
            }
            done = true;
            return c;
        } finally {
            if (!done) {
                FileTrees.deleteTree(scratch);
            }
        }
    }

    /**
     * Reads a Dockerfile from standard input ({@code -f -}) into a new directory under {@code parent}; the
     * context is given elsewhere and {@link #directory()} is an empty directory.
     */
    public static StdinContext dockerfile(InputStream in, Path parent) throws IOException {
        Files.createDirectories(parent);
        Path scratch = Files.createTempDirectory(parent, "stdin-");
        try {
            Path file = scratch.resolve("Dockerfile");
            Files.copy(in, file);
            return new StdinContext(scratch, Files.createDirectory(scratch.resolve("empty")), file);
        } catch (IOException e) {
            FileTrees.deleteTree(scratch);
            throw e;
        }
    }

    /** Whether the first bytes are a compressed stream or a tar header (docker's {@code IsArchive}). */
    public static boolean isArchive(byte[] head) {
        return Decompression.detect(head, head.length) != DetectedFormat.NONE
            || (head.length == 512 && TarArchiveInputStream.matches(head, head.length));
    }

    /** The context directory: the unpacked tar, or an empty directory when a Dockerfile came alone. */
    public Path directory() {
        return directory;
    }

    /** The Dockerfile: the one that came alone, or {@code Dockerfile} at the unpacked context's root. */
    public Path dockerfile() {
        return dockerfile;
    }

    /** Removes what was written. */
    @Override
    public void close() throws IOException {
        FileTrees.deleteTree(scratch);
    }
}
