package dev.estiba.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.estiba.grammar.DockerfileParser;
import dev.estiba.grammar.tree.Dockerfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every corpus Dockerfile plans, and every needed stage is fully expanded. */
class PlanCorpusTest {

    @TestFactory
    Stream<DynamicTest> everyCorpusDockerfilePlans() throws IOException {
        List<Path> files = Corpus.dockerfiles();
        assumeFalse(files.isEmpty(), "corpus not found at " + Corpus.directory() + "; skipping");
        return files.stream().map(f -> DynamicTest.dynamicTest(Corpus.directory().relativize(f).toString(), () -> {
            Dockerfile tree = DockerfileParser.parse(f);
            Plan plan = Planner.plan(tree, PlanOptions.defaults().withTargetPlatform(Platform.parse("linux/amd64")));
            assertFalse(plan.buildOrder().isEmpty());
            assertEquals(plan.stages().size() - 1, plan.target());
            assertTrue(plan.targetStage().needed());
            for (Stage s : plan.buildOrder()) {
                assertEquals(s.steps().size(), s.steps().stream().filter(st -> st.expanded().isPresent()).count());
            }
            assertFalse(PlanJson.render(plan).isEmpty());
            assertFalse(PlanText.render(plan).isEmpty());
        }));
    }
}
