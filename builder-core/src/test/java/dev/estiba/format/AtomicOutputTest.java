package dev.estiba.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
    @TempDir
    Path tmp;

    /** A directory at the target is named (not the temporary file), and nothing is left beside it. */
    @Test
    void aDirectoryAtTheTargetIsNamedAndNothingIsLeftBehind() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("out.tar"));
        IOException e = assertThrows(IOException.class, () -> AtomicOutput.write(target, new byte[] {1}));
        assertEquals(target + ": is a directory, not a file", e.getMessage());
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(target), files.toList());
        }
        try (Stream<Path> files = Files.list(target)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void aFailingBodyLeavesNoFileAndNoTemporary() throws IOException {
        Path target = tmp.resolve("out.tar");
        assertThrows(IOException.class, () -> AtomicOutput.write(target, out -> {
            out.write(1);
            throw new IOException("boom");
        }));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(), files.toList());
        }
    }
}
