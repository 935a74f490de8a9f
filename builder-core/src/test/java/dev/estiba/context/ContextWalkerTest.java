package dev.estiba.context;

import static dev.estiba.context.TestTrees.listing;
import static dev.estiba.context.TestTrees.snapshot;
import static dev.estiba.context.TestTrees.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.estiba.context.ignore.IgnoreFileException;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks with exclude patterns; cases from tonistiigi/fsutil's filter_test.go and docker's documentation. */
class ContextWalkerTest {
    private final FileSystem fs = TestTrees.jimfs();

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    static Stream<Arguments> walks() {
        String[] simple = {"ADD bar file", "ADD foo dir", "ADD foo2 file", "ADD foo/bar2 file"};
        String[] nested = {"ADD foo dir", "ADD foo/bar file"};
        String[] deep = {"ADD foo dir", "ADD foo/bar dir", "ADD foo/bar/baz dir", "ADD foo/bar/baz/x file",
            "ADD foo/bar/baz/y file"};
        String[] doublestar = {"ADD a dir", "ADD a/b dir", "ADD a/b/baz dir", "ADD a/b/bar dir",
            "ADD a/b/bar/foo file", "ADD a/b/bar/fop file", "ADD bar dir", "ADD bar/foo file", "ADD baz dir",
            "ADD foo2 file", "ADD foo dir", "ADD foo/bar dir", "ADD foo/bar/bee file"};
        return Stream.of(
            Arguments.of(simple, "", List.of("file bar", "dir foo", "file foo/bar2", "file foo2")),
            // TestWalkerExclude
            Arguments.of(simple, "foo*\n!foo/bar2", List.of("file bar", "dir foo", "file foo/bar2")),
            // TestFSWalkNested
            Arguments.of(nested, "foo\n!foo/bar", List.of("dir foo", "file foo/bar")),
            // TestFilteredOpenInvert
            Arguments.of(deep, "foo\n!foo/bar\nfoo/bar/baz\n!foo/bar/baz/x",
                List.of("dir foo", "dir foo/bar", "dir foo/bar/baz", "file foo/bar/baz/x")),
            Arguments.of(doublestar, "**/bar", List.of("dir a", "dir a/b", "dir a/b/baz", "dir baz", "dir foo",
                "file foo2")),
            Arguments.of(doublestar, "**/bar/f*", List.of("dir a", "dir a/b", "dir a/b/bar", "dir a/b/baz",
                "dir bar", "dir baz", "dir foo", "dir foo/bar", "file foo/bar/bee", "file foo2")),
            // A wildcard exception forces a walk of every excluded directory.
            Arguments.of(doublestar, "*\n!**/fop", List.of("dir a", "dir a/b", "dir a/b/bar", "file a/b/bar/fop")),
            // A literal exception outside an excluded directory does not open it.
            Arguments.of(doublestar, "a\n!bar/foo", List.of("dir bar", "file bar/foo", "dir baz", "dir foo",
                "dir foo/bar", "file foo/bar/bee", "file foo2")),
            // Leading "/" and "./" are the context root; trailing "/" is dropped.
            Arguments.of(doublestar, "/a\n./foo/\nbaz/", List.of("dir bar", "file bar/foo", "file foo2")),
            // "*" stays within one directory level; "*/bar" only one level down.
            Arguments.of(doublestar, "*/bar", List.of("dir a", "dir a/b", "dir a/b/bar", "file a/b/bar/foo",
                "file a/b/bar/fop", "dir a/b/baz", "dir bar", "file bar/foo", "dir baz", "dir foo", "file foo2")),
            // Last match wins: the re-exclusion after the exception counts.
            Arguments.of(simple, "foo\n!foo/bar2\nfoo/bar2", List.of("file bar", "file foo2")),
            // Comments only in the first column; blank lines ignored.
            Arguments.of(simple, "# foo2\n\n   \nbar", List.of("dir foo", "file foo/bar2", "file foo2")));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("walks")
    void walksWithExcludes(String[] lines, String ignore, List<String> expected)
            throws IOException, IgnoreFileException {
        Path root = tree(fs, lines);
        assertEquals(expected, listing(snapshot(root, ignore)));
    }

    @Test
    void recordsSymlinksWithoutFollowing() throws IOException, IgnoreFileException {
        Path root = tree(fs, "ADD bar file", "ADD foo dir", "ADD foo/l1 symlink /baz/one", "ADD foo/l2 symlink ../bar",
            "ADD self symlink .");
        assertEquals(List.of("file bar", "dir foo", "symlink:/baz/one foo/l1", "symlink:../bar foo/l2", "symlink:. self"),
            listing(snapshot(root, "")));
    }

    @Test
    void sortsByUtf8BytesDepthFirst() throws IOException, IgnoreFileException {
        Path root = tree(fs, "ADD a dir", "ADD a/b file", "ADD a-b file", "ADD B file", "ADD \u00e9 file",
            "ADD \uD83D\uDE00 file", "ADD \uFF21 file");
        // Byte order puts U+FF21 (EF BC A1) before U+1F600 (F0 9F 98 80), unlike UTF-16 order.
        assertEquals(List.of("file B", "dir a", "file a/b", "file a-b", "file \u00e9", "file \uFF21",
            "file \uD83D\uDE00"), listing(snapshot(root, "")));
    }

    @Test
    void keepsModesAndSizes() throws IOException, IgnoreFileException {
        Path root = tree(fs, "ADD run.sh file #!/bin/sh");
        Files.setPosixFilePermissions(root.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        ContextEntry e = snapshot(root, "").entry("run.sh").orElseThrow();
        assertEquals(0750, e.mode());
        assertEquals(9, e.stat().size());
        assertEquals(EntryType.FILE, e.type());
    }

    @Test
    void explainsWhyAPathIsMissing() throws IOException, IgnoreFileException {
        Path root = tree(fs, "ADD app.jar file x", "ADD docs dir", "ADD docs/a.md file");
        ContextSnapshot s = snapshot(root, "# jars\n*.jar\n\ndocs\n");
        assertEquals(".dockerignore:2 (\"*.jar\")", s.excludedReason("app.jar"));
        assertEquals(".dockerignore:4 (\"docs\")", s.excludedReason("docs/a.md"));
        assertNull(s.excludedReason("missing.jar"));
    }

    @Test
    void refusesAFileAsContext() throws IOException {
        Path root = tree(fs, "ADD f file");
        IOException e = assertThrows(IOException.class, () -> snapshot(root.resolve("f"), ""));
        assertEquals("build context /ctx/f is not a directory", e.getMessage());
    }
}
