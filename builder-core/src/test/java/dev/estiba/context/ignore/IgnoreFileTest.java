package dev.estiba.context.ignore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.estiba.context.TestTrees;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class IgnoreFileTest {
    @Test
    void readsLikeMobyReadAll() throws IgnoreFileException {
        // moby/patternmatcher ignorefile_test.go TestReadAll.
        String content = "test1\n/test2\n/a/file/here\n\nlastfile\n# this is a comment\n! /inverted/abs/path\n!\n! ";
        IgnoreFile f = IgnoreFileTestSupport.parseLenient(content);
        assertEquals(List.of("test1", "test2", "a/file/here", "lastfile", "!inverted/abs/path", "!", "!"),
            f.patterns());
        assertEquals(List.of(1, 2, 3, 5, 7, 8, 9), f.lines());
    }

    @Test
    void cleansPatternsAndDropsByteOrderMark() throws IgnoreFileException {
        IgnoreFile f = IgnoreFile.parse(".dockerignore",
            "\uFEFF./node_modules/\r\n  # not a comment\n  **/*.log  \n!./keep//me.log\nsrc/../dist\n/\n");
        assertEquals(List.of("node_modules", "# not a comment", "**/*.log", "!keep/me.log", "dist", "/"),
            f.patterns());
    }

    @Test
    void badPatternNamesFileAndLine() {
        IgnoreFileException e = assertThrows(IgnoreFileException.class,
            () -> IgnoreFile.parse("app.Dockerfile.dockerignore", "ok\n\n  [z-a\n"));
        assertEquals("app.Dockerfile.dockerignore:3: bad pattern \"[z-a\": unterminated character class",
            e.getMessage());
        IgnoreFileException bang = assertThrows(IgnoreFileException.class,
            () -> IgnoreFile.parse(".dockerignore", "a\n! \n"));
        assertEquals(".dockerignore:2: bad pattern \"!\": illegal exclusion pattern \"!\"", bang.getMessage());
    }

    @Test
    void dockerfileSpecificIgnoreFileWins() throws IOException, IgnoreFileException {
        try (FileSystem fs = TestTrees.jimfs()) {
            Path ctx = TestTrees.tree(fs, "ADD .dockerignore file *.md", "ADD build/app.Dockerfile file FROM scratch",
                "ADD build/app.Dockerfile.dockerignore file *.txt", "ADD Dockerfile file FROM scratch");
            assertEquals(ctx.resolve("build/app.Dockerfile.dockerignore"),
                IgnoreFiles.locate(ctx, ctx.resolve("build/app.Dockerfile")).orElseThrow());
            assertEquals(ctx.resolve(".dockerignore"), IgnoreFiles.locate(ctx, ctx.resolve("Dockerfile")).orElseThrow());
            assertEquals(ctx.resolve(".dockerignore"), IgnoreFiles.locate(ctx, null).orElseThrow());
            IgnoreFile specific = IgnoreFiles.load(ctx, ctx.resolve("build/app.Dockerfile"));
            assertEquals("app.Dockerfile.dockerignore", specific.name());
            assertEquals(List.of("*.txt"), specific.patterns());
            Files.delete(ctx.resolve(".dockerignore"));
            assertEquals(IgnoreFile.NONE, IgnoreFiles.load(ctx, ctx.resolve("Dockerfile")));
        }
    }

    @Test
    void buildFilesAreTheDockerfileAndIgnoreFilesInsideTheContext() throws IOException {
        try (FileSystem fs = TestTrees.jimfs()) {
            Path ctx = TestTrees.tree(fs, "ADD Dockerfile file x");
            BuildFiles b = BuildFiles.of(ctx, ctx.resolve("build/app.Dockerfile"),
                ctx.resolve("build/app.Dockerfile.dockerignore"));
            assertEquals(java.util.Set.of(".dockerignore", "build/app.Dockerfile", "build/app.Dockerfile.dockerignore"),
                b.paths());
            BuildFiles outside = BuildFiles.of(ctx, fs.getPath("/elsewhere/Dockerfile"), null);
            assertEquals(java.util.Set.of(".dockerignore"), outside.paths());
            // A context reached through a symlink still recognises its Dockerfile.
            Files.createSymbolicLink(fs.getPath("/link"), ctx);
            assertEquals(java.util.Set.of(".dockerignore", "Dockerfile"),
                BuildFiles.of(fs.getPath("/link"), ctx.resolve("Dockerfile"), null).paths());
        }
    }
}
