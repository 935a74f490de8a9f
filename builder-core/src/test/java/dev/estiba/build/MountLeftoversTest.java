package dev.estiba.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountLeftoversTest {
    @TempDir
    Path base;

    /** The pid of a process that has exited. */
    private static long deadPid() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void removesTheDirectoriesOfProcessesThatAreGoneAndKeepsTheRest() throws Exception {
        long dead = deadPid();
        long alive = ProcessHandle.current().pid();
        Path deadSecret = Files.createDirectory(base.resolve("estiba-secret-" + dead + "-123"));
        Files.writeString(deadSecret.resolve("secret"), "s3cr3t");
        Files.createDirectory(base.resolve("estiba-ssh-" + dead + "-456"));
        Files.createDirectory(base.resolve(MountLeftovers.prefix(MountLeftovers.SECRET) + "789"));
        Files.createDirectory(base.resolve("estiba-secret-" + alive + "-1"));
        Path oldUnnamed = Files.createDirectory(base.resolve("estiba-secret-abc"));
        Files.setLastModifiedTime(oldUnnamed, FileTime.from(Instant.now().minusSeconds(120)));
        Files.createDirectory(base.resolve("estiba-ssh-young"));
        Files.createDirectory(base.resolve("other-" + dead + "-1"));
        Path target = Files.createDirectory(base.resolve("kept-target"));
        Files.createSymbolicLink(base.resolve("estiba-secret-" + dead + "-link"), target);

        assertEquals(3, MountLeftovers.clean(base));

        try (Stream<Path> left = Files.list(base)) {
            assertEquals(Stream.of("estiba-secret-" + alive + "-1", "estiba-secret-" + alive + "-789",
                    "estiba-secret-" + dead + "-link", "estiba-ssh-young", "kept-target", "other-" + dead + "-1")
                    .sorted().toList(),
                left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aMissingBaseIsNothingToClean() throws IOException {
        assertEquals(0, MountLeftovers.clean(base.resolve("absent")));
    }

    @Test
    void theNamesCarryThisProcesssId() {
        assertEquals("estiba-ssh-" + ProcessHandle.current().pid() + "-", MountLeftovers.prefix(MountLeftovers.SSH));
    }
}
