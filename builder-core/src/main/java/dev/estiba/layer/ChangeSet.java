package dev.estiba.layer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a layer changes: the files it adds or replaces, the paths it deletes from the layers below (written as
 * {@code .wh.NAME} whiteouts) and the directories whose lower contents it hides (opaque, {@code .wh..wh..opq}).
 * Entries are kept sorted by path; a path appears at most once.
 */
public record ChangeSet(List<ChangeEntry> entries, Set<String> deleted, Set<String> opaqueDirectories) {

    public ChangeSet {
        List<ChangeEntry> sorted = new ArrayList<>(entries == null ? List.of() : entries);
        sorted.sort((a, b) -> LayerPath.BYTE_ORDER.compare(a.path(), b.path()));
        Map<String, ChangeEntry> byPath = new HashMap<>();
        for (ChangeEntry e : sorted) {
            if (byPath.put(e.path(), e) != null) {
                throw new IllegalArgumentException(e.path() + ": listed twice in one change set");
            }
        }
        for (ChangeEntry e : sorted) {
            if (e.type() == EntryType.HARDLINK) {
                ChangeEntry target = byPath.get(e.linkTarget());
                if (target == null || target.type() != EntryType.FILE) {
                    throw new IllegalArgumentException(e.path() + ": hard link target " + e.linkTarget()
                        + " is not a regular file of this layer");
                }
            }
        }
        deleted = normalized(deleted);
        opaqueDirectories = normalized(opaqueDirectories);
        for (String d : deleted) {
            if (byPath.containsKey(d)) {
                throw new IllegalArgumentException(d + ": both deleted and added in one change set");
            }
        }
        for (String d : opaqueDirectories) {
            ChangeEntry dir = byPath.get(d);
            if (dir == null || dir.type() != EntryType.DIRECTORY) {
                throw new IllegalArgumentException(d + ": an opaque directory must be a directory entry of the layer");
            }
        }
        entries = List.copyOf(sorted);
    }

    /** A change set that only adds files. */
    public static ChangeSet of(List<ChangeEntry> entries) {
        return new ChangeSet(entries, null, null);
    }

    private static SortedSet<String> normalized(Set<String> paths) {
        TreeSet<String> out = new TreeSet<>(LayerPath.BYTE_ORDER);
        if (paths != null) {
            for (String p : paths) {
                out.add(LayerPath.normalize(p));
            }
        }
        return Collections.unmodifiableSortedSet(out);
    }
}
