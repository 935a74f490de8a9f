package dev.estiba.context.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.estiba.context.ContextSnapshot;
import dev.estiba.context.ContextWalker;
import dev.estiba.context.EntryType;
import dev.estiba.context.TestTrees;
import dev.estiba.context.ignore.BuildFiles;
import dev.estiba.context.ignore.IgnoreFile;
import dev.estiba.context.select.CopySources;
import dev.estiba.context.select.SourceException;
import dev.estiba.context.select.SourceSelector;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SelectionDigestTest {
    private FileSystem fs;
    private Path root;

    @BeforeEach
    void tree() throws IOException {
        fs = TestTrees.jimfs();
        root = TestTrees.tree(fs, "ADD app dir", "ADD app/run.sh file echo hi", "ADD app/lib dir",
            "ADD app/lib/a.jar file jar", "ADD app/current symlink lib/a.jar");
        // jimfs gives every file rw-r--r--; make the directory look like one.
        Files.setPosixFilePermissions(root.resolve("app/lib"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private SelectionDigest digest(String source, MetadataRule rule) throws IOException, SourceException {
        ContextSnapshot s = ContextWalker.walk(root, IgnoreFile.NONE, BuildFiles.NONE);
        return SelectionDigest.of(SourceSelector.select(s, CopySources.of(source)), rule,
            ContentDigester.of(s, StatCache.inMemory()));
    }

    @Test
    void recordsEveryEntryInOrder() throws Exception {
        SelectionDigest d = digest("app", MetadataRule.DEFAULT);
        assertEquals(List.of(
            new SelectionDigest.Record("current", EntryType.SYMLINK, 0777, 0, 0, "lib/a.jar", ""),
            new SelectionDigest.Record("lib", EntryType.DIRECTORY, 0755, 0, 0, "", ""),
            new SelectionDigest.Record("lib/a.jar", EntryType.FILE, 0644, 0, 0, "",
                "sha256:0163f1eea7894350060624d315234d40c508ab251ba121714e234503045faadd"),
            new SelectionDigest.Record("run.sh", EntryType.FILE, 0644, 0, 0, "",
                "sha256:56a79f3b115448072387c2480044bfa2cf8f90e4f5fddd8c943b4e051b81f80b")), d.entries());
    }

    @Test
    void sameInputsSameDigestAndMtimesDoNotCount() throws Exception {
        String first = digest("app", MetadataRule.DEFAULT).digest();
        Files.setLastModifiedTime(root.resolve("app/run.sh"), FileTime.fromMillis(0));
        assertEquals(first, digest("app", MetadataRule.DEFAULT).digest());
    }

    @Test
    void everyKeyedFieldChangesTheDigest() throws Exception {
        String base = digest("app", MetadataRule.DEFAULT).digest();
        assertNotEquals(base, digest("app", new MetadataRule(1000, 0, ModeRule.KEEP)).digest(), "uid");
        assertNotEquals(base, digest("app", new MetadataRule(0, 1000, ModeRule.KEEP)).digest(), "gid");
        assertNotEquals(base, digest("app", new MetadataRule(0, 0, (t, m) -> t == EntryType.FILE ? 0755 : m))
            .digest(), "chmod");

        Files.setPosixFilePermissions(root.resolve("app/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        String chmodded = digest("app", MetadataRule.DEFAULT).digest();
        assertNotEquals(base, chmodded, "mode in the context");

        Files.delete(root.resolve("app/current"));
        Files.createSymbolicLink(root.resolve("app/current"), fs.getPath("lib/b.jar"));
        String relinked = digest("app", MetadataRule.DEFAULT).digest();
        assertNotEquals(chmodded, relinked, "link target");

        Files.writeString(root.resolve("app/lib/a.jar"), "JAR");
        String edited = digest("app", MetadataRule.DEFAULT).digest();
        assertNotEquals(relinked, edited, "contents");

        Files.move(root.resolve("app/lib/a.jar"), root.resolve("app/lib/c.jar"));
        assertNotEquals(edited, digest("app", MetadataRule.DEFAULT).digest(), "path");
    }
}
