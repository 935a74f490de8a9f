package dev.estiba.build;

import dev.estiba.files.FileTrees;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The private directories that {@code RUN --mount=type=secret} (on {@code /dev/shm}) and {@code type=ssh} (in the
 * temporary directory) make for a step. A build removes its own when the step ends or the JVM is interrupted; one
 * killed outright (SIGKILL) cannot, so each name carries the process id and the next build removes the
 * directories of processes that are gone.
 */
final class MountLeftovers {
    static final String SECRET = "estiba-secret-";
    static final String SSH = "estiba-ssh-";

    private MountLeftovers() {
    }

    /** The name prefix of this process's directories of one kind. */
    static String prefix(String kind) {
        return kind + ProcessHandle.current().pid() + "-";
    }

    /** Removes the directories of both kinds that processes no longer alive left under {@code base}; returns how many. */
    static int clean(Path base) throws IOException {
        if (!Files.isDirectory(base)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, "estiba-{secret,ssh}-*")) {
            for (Path dir : dirs) {
                if (Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS) && abandoned(dir)) {
                    FileTrees.deleteTree(dir);
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Whether the process named in the directory's name is gone (a name without one: older than a minute). */
    static boolean abandoned(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        String rest = name.substring(name.startsWith(SECRET) ? SECRET.length() : SSH.length());
        int dash = rest.indexOf('-');
        long pid = -1;
        if (dash > 0) {
            try {
                pid = Long.parseLong(rest.substring(0, dash));
            } catch (NumberFormatException e) {
                pid = -1;
            }
        }
        if (pid > 0) {
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        }
        return Files.getLastModifiedTime(dir).toInstant().isBefore(Instant.now().minusSeconds(60));
    }

    /** Cleans both places the mounts use. A failure to clean is not the build's failure. */
    static void cleanAll() {
        for (Path base : new Path[] {Path.of("/dev/shm"), Path.of(System.getProperty("java.io.tmpdir"))}) {
            try {
                clean(base);
            } catch (IOException | RuntimeException e) {
                // another user's directory, or one removed meanwhile: left for its owner
            }
        }
    }
}
