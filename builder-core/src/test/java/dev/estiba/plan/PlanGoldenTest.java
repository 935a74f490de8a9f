package dev.estiba.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.estiba.grammar.DockerfileParser;
import dev.estiba.grammar.tree.Dockerfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The text and JSON of testdata/plan/example.Dockerfile, reviewed by hand and kept in
 * testdata/plan/example.plan.{txt,json} (docs/plan.md shows them): a change to either format shows here.
 */
class PlanGoldenTest {
    static Plan example() throws IOException {
        Path dir = Corpus.repoRoot().resolve("testdata/plan");
        Dockerfile tree = DockerfileParser.parse("example.Dockerfile",
            Files.readString(dir.resolve("example.Dockerfile")));
        return Planner.plan(tree, new PlanOptions(Map.of("GO_VERSION", "1.23"), Optional.empty(),
            Platform.parse("linux/arm64"), Platform.parse("linux/amd64"), BaseImages.UNKNOWN));
    }

    static String golden(String name) throws IOException {
        return Files.readString(Corpus.repoRoot().resolve("testdata/plan").resolve(name));
    }

    @Test
    void text() throws IOException {
        assertEquals(golden("example.plan.txt"), PlanText.render(example()));
    }

    @Test
    void json() throws IOException {
        assertEquals(golden("example.plan.json"), PlanJson.render(example()) + "\n");
    }
}
