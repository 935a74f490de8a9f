package dev.estiba.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.context.ignore.BuildFiles;
import dev.estiba.context.ignore.IgnoreFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextArchiveTest {
    @TempDir
    Path work;

    /** Tar entries as lines: {@code dir NAME}, {@code file NAME DATA}, {@code symlink NAME TARGET}, {@code link NAME TARGET}. */
    private static byte[] tar(String... lines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String line : lines) {
                String[] w = line.split(" ", 3);
                TarArchiveEntry e;
                switch (w[0]) {
                    case "dir":
                        e = new TarArchiveEntry(w[1] + "/");
                        e.setMode(040555);
                        out.putArchiveEntry(e);
                        break;
                    case "file":
                        byte[] data = w[2].getBytes(StandardCharsets.UTF_8);
                        e = new TarArchiveEntry(w[1]);
                        e.setMode(0100750);
                        e.setSize(data.length);
                        out.putArchiveEntry(e);
                        out.write(data);
                        break;
                    case "symlink":
                        e = new TarArchiveEntry(w[1], TarConstants.LF_SYMLINK);
                        e.setLinkName(w[2]);
                        out.putArchiveEntry(e);
                        break;
                    case "link":
                        e = new TarArchiveEntry(w[1], TarConstants.LF_LINK);
                        e.setLinkName(w[2]);
                        out.putArchiveEntry(e);
                        break;
                    case "fifo":
                        e = new TarArchiveEntry(w[1], TarConstants.LF_FIFO);
                        out.putArchiveEntry(e);
                        break;
                    default:
                        throw new IllegalArgumentException(line);
                }
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(b)) {
            out.write(data);
        }
        return b.toByteArray();
    }

    private static byte[] bzip2(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream out = new BZip2CompressorOutputStream(b)) {
            out.write(data);
        }
        return b.toByteArray();
    }

    private static byte[] xz(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream out = new org.apache.commons.compress.compressors.xz.XZCompressorOutputStream(b)) {
            out.write(data);
        }
        return b.toByteArray();
    }

    private static byte[] zstd(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream out = new com.github.luben.zstd.ZstdOutputStream(b)) {
            out.write(data);
        }
        return b.toByteArray();
    }

    private List<String> listing(Path root) throws IOException {
        return TestTrees.listing(ContextWalker.walk(root, IgnoreFile.NONE, BuildFiles.NONE));
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(work)) {
            return s.collect(Collectors.toList());
        }
    }

    @Test
    void unpacksFilesDirectoriesLinksWithModes() throws Exception {
        byte[] t = tar("dir ./", "dir ./src", "file ./src/app.go package main", "symlink ./latest src/app.go",
            "link ./copy.go src/app.go", "fifo ./pipe", "file /abs/x.txt x");
        for (byte[] input : List.of(t, gzip(t), bzip2(t), xz(t), zstd(t))) {
            Path root = ContextArchive.extract(new ByteArrayInputStream(input), work.resolve("ctx"));
            assertEquals(List.of("dir abs", "file abs/x.txt", "file copy.go", "symlink:src/app.go latest", "dir src",
                "file src/app.go"), listing(root));
            assertEquals("package main", Files.readString(root.resolve("copy.go")));
            assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("src/app.go"))));
            assertEquals("r-xr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("src"))));
        }
    }

    @Test
    void refusesEscapes() throws IOException {
        String[][] bad = {
            {"tar entry \"../evil\" points outside the context", "file ../evil x"},
            {"\"a/../../evil\" points outside the context", "file a/../../evil x"},
            {"\"out/passwd\" goes through the symlink \"out\"", "symlink out /etc", "file out/passwd x"},
            {"tar entry \"l\": hard link to \"../../etc/passwd\" points outside the context", "link l ../../etc/passwd"},
            {"\"h\": hard link to \"d\", which is not a file earlier in the archive", "dir d", "link h d"},
        };
        for (String[] c : bad) {
            byte[] t = tar(java.util.Arrays.copyOfRange(c, 1, c.length));
            ContextArchiveException e = assertThrows(ContextArchiveException.class,
                () -> ContextArchive.extract(new ByteArrayInputStream(t), work));
            assertTrue(e.getMessage().endsWith(c[0]), e.getMessage());
            assertEquals(List.of(), leftovers(), "the half-unpacked directory is removed");
        }
        assertFalse(Files.exists(work.resolve("evil")));
    }

    @Test
    void refusesWhatIsNotATar() throws IOException {
        ContextArchiveException e = assertThrows(ContextArchiveException.class, () -> ContextArchive.extract(
            new ByteArrayInputStream("FROM scratch\nCOPY . /\n".getBytes(StandardCharsets.UTF_8)), work));
        assertEquals("the build context on standard input is not a tar archive", e.getMessage());
        IOException xz = assertThrows(IOException.class, () -> ContextArchive.extract(
            new ByteArrayInputStream(new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}), work));
        assertEquals(List.of(), leftovers(), "a damaged xz stream leaves nothing");
    }
}
