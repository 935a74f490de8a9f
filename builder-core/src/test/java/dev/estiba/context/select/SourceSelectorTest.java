package dev.estiba.context.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.estiba.context.ContextSnapshot;
import dev.estiba.context.ContextWalker;
import dev.estiba.context.TestTrees;
import dev.estiba.context.ignore.BuildFiles;
import dev.estiba.context.ignore.IgnoreFile;
import dev.estiba.context.ignore.IgnoreFiles;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SourceSelectorTest {
    private FileSystem fs;
    private ContextSnapshot ctx;

    @BeforeEach
    void context() throws Exception {
        fs = TestTrees.jimfs();
        Path root = TestTrees.tree(fs,
            "ADD Dockerfile file FROM scratch",
            "ADD .dockerignore file *.war\nsecret/",
            "ADD README.md file readme",
            "ADD app.jar file jar",
            "ADD app.war file war",
            "ADD a.txt file a",
            "ADD b.txt file b",
            "ADD arr[0].txt file bracket",
            "ADD src dir",
            "ADD src/a.txt file sa",
            "ADD src/main.go file go",
            "ADD src/sub dir",
            "ADD src/sub/b.txt file sb",
            "ADD src/sub/c.md file sc",
            "ADD src/link symlink ../a.txt",
            "ADD docs dir",
            "ADD docs/guide.md file g",
            "ADD docs/keep.md file k",
            "ADD secret dir",
            "ADD secret/key file k",
            "ADD ln-file symlink src/main.go",
            "ADD ln-dir symlink /src/sub",
            "ADD ln-out symlink ../../etc/passwd",
            "ADD ln-abs symlink /src");
        IgnoreFile ignore = IgnoreFiles.load(root, root.resolve("Dockerfile"));
        ctx = ContextWalker.walk(root, ignore, BuildFiles.of(root, root.resolve("Dockerfile"), root.resolve(".dockerignore")));
    }

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private List<String> select(CopySources request) throws SourceException {
        return SourceSelector.select(ctx, request).stream()
            .map(s -> s.source().path() + " -> " + s.destination()).collect(Collectors.toList());
    }

    static Stream<Arguments> selections() {
        return Stream.of(
            Arguments.of(CopySources.of("app.jar"), List.of("app.jar -> app.jar")),
            // Leading "/", "./" and climbing ".." stay inside the context; a trailing "/" is ignored.
            Arguments.of(CopySources.of("/app.jar", "./app.jar", "../../app.jar", "src/../app.jar"),
                List.of("app.jar -> app.jar", "app.jar -> app.jar", "app.jar -> app.jar", "app.jar -> app.jar")),
            // A directory means its contents; symlinks inside stay links.
            Arguments.of(CopySources.of("src/"), List.of("src/a.txt -> a.txt", "src/link -> link",
                "src/main.go -> main.go", "src/sub -> sub", "src/sub/b.txt -> sub/b.txt", "src/sub/c.md -> sub/c.md")),
            // The whole context leaves out the Dockerfile and .dockerignore (and what .dockerignore excludes).
            Arguments.of(CopySources.of("."), List.of("README.md -> README.md", "a.txt -> a.txt",
                "app.jar -> app.jar", "arr[0].txt -> arr[0].txt", "b.txt -> b.txt", "docs -> docs",
                "docs/guide.md -> docs/guide.md", "docs/keep.md -> docs/keep.md", "ln-abs -> ln-abs",
                "ln-dir -> ln-dir", "ln-file -> ln-file", "ln-out -> ln-out", "src -> src", "src/a.txt -> src/a.txt",
                "src/link -> src/link", "src/main.go -> src/main.go", "src/sub -> src/sub",
                "src/sub/b.txt -> src/sub/b.txt", "src/sub/c.md -> src/sub/c.md")),
            // ...unless a source names them exactly.
            Arguments.of(CopySources.of("Dockerfile", ".dockerignore"),
                List.of("Dockerfile -> Dockerfile", ".dockerignore -> .dockerignore")),
            Arguments.of(CopySources.of("Docker*"), List.of()),
            // Wildcards: Go filepath.Match per path, a matched directory gives its contents.
            Arguments.of(CopySources.of("*.txt"), List.of("a.txt -> a.txt", "arr[0].txt -> arr[0].txt",
                "b.txt -> b.txt")),
            Arguments.of(CopySources.of("[ab].txt"), List.of("a.txt -> a.txt", "b.txt -> b.txt")),
            Arguments.of(CopySources.of("arr[[]0].txt"), List.of("arr[0].txt -> arr[0].txt")),
            Arguments.of(CopySources.of("src/*.go"), List.of("src/main.go -> main.go")),
            Arguments.of(CopySources.of("s?c"), List.of("src/a.txt -> a.txt", "src/link -> link",
                "src/main.go -> main.go", "src/sub -> sub", "src/sub/b.txt -> sub/b.txt", "src/sub/c.md -> sub/c.md")),
            Arguments.of(CopySources.of("src/*/*.txt"), List.of("src/sub/b.txt -> b.txt")),
            // "**" is two stars of Go's Match: one path element, not any depth.
            Arguments.of(CopySources.of("**/*.txt"), List.of("src/a.txt -> a.txt")),
            Arguments.of(CopySources.of("*.nothing"), List.of()),
            // A named symlink is followed inside the context.
            Arguments.of(CopySources.of("ln-file"), List.of("src/main.go -> ln-file")),
            Arguments.of(CopySources.of("ln-dir"), List.of("src/sub/b.txt -> b.txt", "src/sub/c.md -> c.md")),
            Arguments.of(CopySources.of("ln-abs/sub/b.txt", "src/link"),
                List.of("src/sub/b.txt -> b.txt", "a.txt -> link")),
            // --exclude applies to destination paths, with .dockerignore syntax and exceptions.
            Arguments.of(new CopySources(List.of("src"), List.of("*.md", "sub/*.md"), false), List.of(
                "src/a.txt -> a.txt", "src/link -> link", "src/main.go -> main.go", "src/sub -> sub",
                "src/sub/b.txt -> sub/b.txt")),
            Arguments.of(new CopySources(List.of("docs", "src"), List.of("**/*.md", "sub", "!sub/b.txt"), false),
                List.of("src/a.txt -> a.txt", "src/link -> link", "src/main.go -> main.go", "src/sub -> sub",
                    "src/sub/b.txt -> sub/b.txt")),
            Arguments.of(new CopySources(List.of("*.txt", "app.jar"), List.of("a*"), false),
                List.of("b.txt -> b.txt")),
            // --parents keeps paths from the context root, or from a "/./" pivot.
            Arguments.of(new CopySources(List.of("src/sub/b.txt"), List.of(), true),
                List.of("src -> src", "src/sub -> src/sub", "src/sub/b.txt -> src/sub/b.txt")),
            Arguments.of(new CopySources(List.of("./src/./sub/b.txt"), List.of(), true),
                List.of("src/sub -> sub", "src/sub/b.txt -> sub/b.txt")),
            Arguments.of(new CopySources(List.of("**/*.md"), List.of("docs/guide.md"), true),
                List.of("README.md -> README.md", "docs -> docs", "docs/keep.md -> docs/keep.md", "src -> src",
                    "src/sub -> src/sub", "src/sub/c.md -> src/sub/c.md")),
            Arguments.of(new CopySources(List.of("src/./s*"), List.of(), true),
                List.of("src/sub -> sub", "src/sub/b.txt -> sub/b.txt", "src/sub/c.md -> sub/c.md")),
            // A wildcard pivot takes every directory it matches; ln-abs is a link to src, so src comes twice.
            Arguments.of(new CopySources(List.of("*/./sub"), List.of(), true),
                List.of("src/sub -> sub", "src/sub/b.txt -> sub/b.txt", "src/sub/c.md -> sub/c.md",
                    "src/sub -> sub", "src/sub/b.txt -> sub/b.txt", "src/sub/c.md -> sub/c.md")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("selections")
    void selects(CopySources request, List<String> expected) throws SourceException {
        assertEquals(expected, select(request));
    }

    static Stream<Arguments> missing() {
        return Stream.of(
            Arguments.of(CopySources.of("app.ear"), "\"app.ear\": not found in the build context"),
            Arguments.of(CopySources.of("app.war"),
                "\"app.war\": not found in the build context: excluded by .dockerignore:1 (\"*.war\")"),
            Arguments.of(CopySources.of("secret/key"),
                "\"secret/key\": not found in the build context: excluded by .dockerignore:2 (\"secret\")"),
            Arguments.of(CopySources.of("app.jar", "/nope/"), "\"/nope/\": not found in the build context"),
            Arguments.of(CopySources.of("app.jar/x"), "\"app.jar/x\": not found in the build context"),
            Arguments.of(CopySources.of("nodir/*.txt"), "\"nodir/*.txt\": not found in the build context"),
            // A link out of the context resolves inside it, where nothing is.
            Arguments.of(CopySources.of("ln-out"), "\"ln-out\": not found in the build context"),
            Arguments.of(new CopySources(List.of("src/./nope.txt"), List.of(), true),
                "\"src/./nope.txt\": not found in the build context"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("missing")
    void missingSourcesSayWhy(CopySources request, String message) {
        SourceNotFoundException e = assertThrows(SourceNotFoundException.class, () -> select(request));
        assertEquals(message, e.getMessage());
    }

    @Test
    void badPatternsAreClearErrors() {
        SourcePatternException src = assertThrows(SourcePatternException.class,
            () -> select(CopySources.of("src/[a-")));
        assertEquals("source \"src/[a-\": bad pattern \"[a-\": unterminated character class", src.getMessage());
        SourcePatternException ex = assertThrows(SourcePatternException.class,
            () -> select(new CopySources(List.of("src"), List.of("ok", "x\\"), false)));
        assertEquals("--exclude \"x\\\": bad pattern \"x\\\": trailing backslash", ex.getMessage());
    }

    @Test
    void notFoundKeepsTheSourceAsWritten() {
        SourceNotFoundException e = assertThrows(SourceNotFoundException.class,
            () -> select(CopySources.of("./app.ear")));
        assertEquals("./app.ear", e.source());
        assertNull(e.excludedBy());
    }
}
