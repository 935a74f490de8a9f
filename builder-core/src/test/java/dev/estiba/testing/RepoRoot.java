package dev.estiba.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the repository and the shared corpus are, for tests: surefire passes the root as the system
 * property {@code estiba.repo.root}; otherwise the nearest folder up from the working directory that
 * holds {@code mvnw}.
 */
public final class RepoRoot {
    private RepoRoot() {
    }

    /** The repository root. */
    public static Path path() {
        String prop = System.getProperty("estiba.repo.root");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }

    /** {@code <repo root>/../shared/corpus/dockerfiles}; it may be absent (tests then skip). */
    public static Path corpus() {
        return path().resolve("../shared/corpus/dockerfiles").normalize();
    }
}
