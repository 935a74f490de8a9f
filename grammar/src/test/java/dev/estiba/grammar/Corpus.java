package dev.estiba.grammar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** The shared corpus of real Dockerfiles ({@code <repo root>/../shared/corpus/dockerfiles}), when present. */
final class Corpus {
    private Corpus() {
    }

    /** The corpus folder; skips the calling test (an assumption) when it is absent. */
    static Path folder() {
        Path dir = repoRoot().resolve("../shared/corpus/dockerfiles").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("MANIFEST.tsv")),
                "corpus not found at " + dir + " (../shared/corpus/dockerfiles next to the repository); skipped");
        return dir;
    }

    /** The Dockerfiles of the corpus, without the jq templates its MANIFEST.tsv marks. */
    static List<Path> dockerfiles() {
        Path dir = folder();
        try {
            List<Path> files = new ArrayList<>();
            List<String> rows = Files.readAllLines(dir.resolve("MANIFEST.tsv"));
            for (String row : rows.subList(1, rows.size())) {
                String[] cols = row.split("\t", -1);
                if (cols.length > 7 && cols[7].contains("template")) {
                    continue;
                }
                files.add(dir.resolve(cols[0]));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repoRoot() {
        String prop = System.getProperty("estiba.repo.root");
        if (prop != null && !prop.isBlank()) {
            return Paths.get(prop);
        }
        Path p = Paths.get("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) {
            p = p.getParent();
        }
        return p == null ? Paths.get("").toAbsolutePath() : p;
    }
}
