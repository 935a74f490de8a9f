package dev.estiba.context.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.estiba.context.EntryType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionDiffTest {
    private static SelectionDigest.Record file(String path, String digest, int mode) {
        return new SelectionDigest.Record(path, EntryType.FILE, mode, 0, 0, "", digest);
    }

    @Test
    void namesEachChange() {
        List<SelectionDigest.Record> before = List.of(
            file("a.txt", "sha256:aa", 0644),
            file("b.txt", "sha256:bb", 0644),
            new SelectionDigest.Record("cur", EntryType.SYMLINK, 0777, 0, 0, "v1", ""),
            file("gone.txt", "sha256:gg", 0644),
            file("same.txt", "sha256:ss", 0644));
        List<SelectionDigest.Record> after = List.of(
            file("a.txt", "sha256:a2", 0755),
            new SelectionDigest.Record("b.txt", EntryType.FILE, 0644, 1000, 1000, "", "sha256:bb"),
            new SelectionDigest.Record("cur", EntryType.SYMLINK, 0777, 0, 0, "v2", ""),
            new SelectionDigest.Record("new", EntryType.DIRECTORY, 0755, 0, 0, "", ""),
            file("same.txt", "sha256:ss", 0644));
        assertEquals(List.of(
            "a.txt: content changed, mode 0644 -> 0755",
            "b.txt: owner 0:0 -> 1000:1000",
            "cur: link target v1 -> v2",
            "new: added",
            "gone.txt: removed"), SelectionDiff.describe(before, after, 10));
        assertEquals(List.of("a.txt: content changed, mode 0644 -> 0755", "b.txt: owner 0:0 -> 1000:1000",
            "and 3 more"), SelectionDiff.describe(before, after, 3));
        assertEquals(List.of(), SelectionDiff.describe(before, before, 3));
    }

    @Test
    void typeChange() {
        assertEquals(List.of("x: type file -> directory, content changed, mode 0644 -> 0755"),
            SelectionDiff.describe(List.of(file("x", "sha256:1", 0644)),
                List.of(new SelectionDigest.Record("x", EntryType.DIRECTORY, 0755, 0, 0, "", "")), 5));
    }
}
