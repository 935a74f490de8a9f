package dev.estiba.lint;

import dev.estiba.testing.RepoRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every rule in the catalog has its page docs/lint/ID.md, and every page a rule. */
class RuleDocsTest {

    @Test
    void onePagePerRule() throws IOException {
        Path docs = RepoRoot.path().resolve("docs/lint");
        Set<String> pages;
        try (Stream<Path> s = Files.list(docs)) {
            pages = s.map(p -> p.getFileName().toString().replaceFirst("\\.md$", "")).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> rules = RuleCatalog.all().stream().map(RuleInfo::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(rules, pages);
        for (String id : rules) {
            String page = Files.readString(docs.resolve(id + ".md"));
            assertTrue(page.startsWith("# " + id + "\n"), id);
            assertTrue(page.contains("Bad:") && page.contains("Good:") && page.contains("**Fix:**"), id);
            String sev = RuleCatalog.get(id).severity().label();
            assertTrue(page.contains("default severity **" + sev + "**"), id + " page names severity " + sev);
        }
    }
}
