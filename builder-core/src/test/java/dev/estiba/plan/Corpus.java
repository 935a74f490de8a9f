package dev.estiba.plan;

import dev.estiba.testing.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The shared Dockerfile corpus ({@code <repo root>/../shared/corpus/dockerfiles}), when present. */
final class Corpus {
    private Corpus() {
    }

    static Path repoRoot() {
        return RepoRoot.path();
    }

    static Path directory() {
        return repoRoot().resolve("../shared/corpus/dockerfiles").normalize();
    }

    /** The corpus Dockerfiles, jq templates (MANIFEST.tsv notes = template) left out; empty when absent. */
    static List<Path> dockerfiles() throws IOException {
        Path dir = directory();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Set<String> templates = new HashSet<>();
        Path manifest = dir.resolve("MANIFEST.tsv");
        if (Files.exists(manifest)) {
            for (String line : Files.readAllLines(manifest)) {
                String[] cols = line.split("\t", -1);
                if (cols.length >= 8 && cols[7].contains("template")) {
                    templates.add(cols[0]);
                }
            }
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile)
                .filter(p -> !p.getFileName().toString().equals("MANIFEST.tsv"))
                .filter(p -> !p.getFileName().toString().equals("SOURCES.md"))
                .filter(p -> !templates.contains(dir.relativize(p).toString()))
                .sorted()
                .forEach(out::add);
        }
        return out;
    }
}
