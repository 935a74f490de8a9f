package dev.estiba.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.estiba.context.ignore.IgnoreFileException;
import dev.estiba.context.select.CopySources;
import dev.estiba.context.select.SourceSelector;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BuildContextTest {
    @Test
    void perDockerfileIgnoreFileDrivesTheSnapshot() throws Exception {
        try (FileSystem fs = TestTrees.jimfs()) {
            Path ctx = TestTrees.tree(fs, "ADD .dockerignore file *.txt", "ADD a.txt file a", "ADD b.md file b",
                "ADD ci/app.Dockerfile file FROM scratch", "ADD ci/app.Dockerfile.dockerignore file *.md\n!ci/",
                "ADD ci/notes.md file n");
            ContextSnapshot s = BuildContext.snapshot(ctx, ctx.resolve("ci/app.Dockerfile"));
            assertEquals("app.Dockerfile.dockerignore", s.ignoreFile().name());
            assertEquals(List.of("file .dockerignore", "file a.txt", "dir ci", "file ci/app.Dockerfile",
                "file ci/app.Dockerfile.dockerignore", "file ci/notes.md"), TestTrees.listing(s));
            // COPY . leaves the build files out; naming one copies it.
            assertEquals(List.of("a.txt", "ci", "ci/notes.md"), SourceSelector.select(s, CopySources.of("."))
                .stream().map(e -> e.destination()).collect(Collectors.toList()));
            assertEquals(List.of("app.Dockerfile"), SourceSelector.select(s, CopySources.of("ci/app.Dockerfile"))
                .stream().map(e -> e.destination()).collect(Collectors.toList()));
        }
    }

    @Test
    void badIgnoreFileIsReportedWithItsLine() throws Exception {
        try (FileSystem fs = TestTrees.jimfs()) {
            Path ctx = TestTrees.tree(fs, "ADD .dockerignore file # ok\nnode_modules\n[\n");
            IgnoreFileException e = assertThrows(IgnoreFileException.class, () -> BuildContext.snapshot(ctx, null));
            assertEquals(".dockerignore:3: bad pattern \"[\": unterminated character class", e.getMessage());
        }
    }
}
