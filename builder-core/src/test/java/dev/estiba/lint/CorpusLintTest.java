package dev.estiba.lint;

import dev.estiba.testing.RepoRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.estiba.lint.rules.Checks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Linting every Dockerfile of ../shared/corpus: no crash, and the same findings on a second run. */
public class CorpusLintTest {

    public static Path corpus() {
        return RepoRoot.corpus();
    }

    @Test
    void lintsTheWholeCorpusStably() throws IOException {
        Path corpus = corpus();
        assumeTrue(corpus != null && Files.isDirectory(corpus), "corpus not found at ../shared/corpus/dockerfiles");
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".tsv")
                && !p.getFileName().toString().endsWith(".md")).sorted().toList();
        }
        assertTrue(files.size() > 100, "corpus has " + files.size() + " files");
        Linter linter = new Linter(LintConfig.defaults(), Checks.all(null), Map.of());
        int findings = 0;
        int parseErrors = 0;
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            String name = corpus.relativize(f).toString();
            FileResult first = linter.lint(name, text, null);
            FileResult second = linter.lint(name, text, null);
            assertEquals(first.findings(), second.findings(), name);
            findings += first.findings().size();
            parseErrors += (int) first.findings().stream().filter(x -> x.rule().equals(RuleCatalog.PARSE_ERROR)).count();
        }
        assertTrue(findings > files.size(), "findings: " + findings);
        System.out.println("corpus: " + files.size() + " files, " + findings + " findings, " + parseErrors + " parse errors");
    }
}
