package dev.estiba.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.grammar.tree.Dockerfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every real Dockerfile of the corpus parses, and prints back to the same BuildKit dump. */
class CorpusTest {

    @Test
    void everyCorpusDockerfileParses() throws IOException {
        List<Path> files = Corpus.dockerfiles();
        assertTrue(files.size() > 100, "corpus too small: " + files.size());
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            try {
                Dockerfile d = DockerfileParser.parse(f);
                String again = BuildkitDump.dump(DockerfileParser.parse("printed", DockerfilePrinter.print(d)));
                if (!again.equals(BuildkitDump.dump(d))) {
                    failures.add(f + ": printed text parses to another dump");
                }
            } catch (DockerfileParseException e) {
                failures.add(e.getMessage());
            }
        }
        assertEquals(List.of(), failures);
    }
}
