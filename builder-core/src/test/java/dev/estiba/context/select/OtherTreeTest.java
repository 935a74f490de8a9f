package dev.estiba.context.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.estiba.context.ContextEntry;
import dev.estiba.context.EntryType;
import dev.estiba.context.FileStat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** COPY --from selects from a stage's tree through the same rules. */
class OtherTreeTest {
    /** A stage's files as the engine might index them. */
    private static final class StageTree implements SourceTree {
        private final Map<String, ContextEntry> entries = new LinkedHashMap<>();

        StageTree add(String path, EntryType type, String link) {
            entries.put(path, new ContextEntry(path, new FileStat(type, 0755, 0, 0, 0, 0, 0), link));
            return this;
        }

        @Override
        public Optional<ContextEntry> entry(String path) {
            return Optional.ofNullable(entries.get(path));
        }

        @Override
        public List<ContextEntry> children(String dir) {
            List<ContextEntry> out = new ArrayList<>();
            for (ContextEntry e : entries.values()) {
                int slash = e.path().lastIndexOf('/');
                if ((slash < 0 ? "" : e.path().substring(0, slash)).equals(dir)) {
                    out.add(e);
                }
            }
            return out;
        }

        @Override
        public String where() {
            return "stage \"build\"";
        }
    }

    private final StageTree stage = new StageTree()
        .add("usr", EntryType.DIRECTORY, null)
        .add("usr/bin", EntryType.DIRECTORY, null)
        .add("usr/bin/app", EntryType.FILE, null)
        .add("usr/bin/app-cli", EntryType.SYMLINK, "app")
        .add("bin", EntryType.SYMLINK, "usr/bin");

    @Test
    void selectsThroughLinksAndWildcards() throws SourceException {
        // A symlink matched by a wildcard is followed, as one named outright is.
        assertEquals(List.of("usr/bin/app -> app", "usr/bin/app -> app-cli"),
            SourceSelector.select(stage, CopySources.of("/bin/app*")).stream()
                .map(s -> s.source().path() + " -> " + s.destination()).collect(Collectors.toList()));
        assertEquals(List.of("usr/bin/app -> app-cli"),
            SourceSelector.select(stage, CopySources.of("/usr/bin/app-cli")).stream()
                .map(s -> s.source().path() + " -> " + s.destination()).collect(Collectors.toList()));
    }

    @Test
    void missingSourceNamesTheStage() {
        SourceNotFoundException e = assertThrows(SourceNotFoundException.class,
            () -> SourceSelector.select(stage, CopySources.of("/out/app")));
        assertEquals("\"/out/app\": not found in stage \"build\"", e.getMessage());
    }
}
