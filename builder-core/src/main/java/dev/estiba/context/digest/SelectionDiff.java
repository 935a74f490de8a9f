package dev.estiba.context.digest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What changed between two selections of the same step, for {@code --explain-cache}: entries added, removed, or
 * changed in content, type, mode, owner or link target. Reported in destination order, at most {@code limit}
 * lines, the last one saying how many more there were.
 */
public final class SelectionDiff {
    private SelectionDiff() {
    }

    /**
     * Describes the changes from {@code before} to {@code after}; an empty list when they are the same.
     *
     * @param limit how many lines at most (at least 1)
     */
    public static List<String> describe(List<SelectionDigest.Record> before, List<SelectionDigest.Record> after,
                                        int limit) {
        Map<String, SelectionDigest.Record> old = new LinkedHashMap<>();
        for (SelectionDigest.Record r : before) {
            old.put(r.destination(), r);
        }
        List<String> changes = new ArrayList<>();
        for (SelectionDigest.Record r : after) {
            SelectionDigest.Record was = old.remove(r.destination());
            if (was == null) {
                changes.add(r.destination() + ": added");
            } else if (!was.equals(r)) {
                changes.add(r.destination() + ": " + what(was, r));
            }
        }
        for (String gone : old.keySet()) {
            changes.add(gone + ": removed");
        }
        if (changes.size() > limit) {
            int more = changes.size() - (limit - 1);
            changes = new ArrayList<>(changes.subList(0, limit - 1));
            changes.add("and " + more + " more");
        }
        return changes;
    }

    private static String what(SelectionDigest.Record was, SelectionDigest.Record now) {
        List<String> parts = new ArrayList<>();
        if (was.type() != now.type()) {
            parts.add("type " + name(was) + " -> " + name(now));
        }
        if (!was.contentDigest().equals(now.contentDigest())) {
            parts.add("content changed");
        }
        if (was.mode() != now.mode()) {
            parts.add(String.format("mode %04o -> %04o", was.mode(), now.mode()));
        }
        if (was.uid() != now.uid() || was.gid() != now.gid()) {
            parts.add("owner " + was.uid() + ":" + was.gid() + " -> " + now.uid() + ":" + now.gid());
        }
        if (!was.linkTarget().equals(now.linkTarget())) {
            parts.add("link target " + was.linkTarget() + " -> " + now.linkTarget());
        }
        return String.join(", ", parts);
    }

    private static String name(SelectionDigest.Record r) {
        return r.type().name().toLowerCase(Locale.ROOT);
    }
}
