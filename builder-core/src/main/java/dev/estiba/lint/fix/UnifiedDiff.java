package dev.estiba.lint.fix;

import java.util.List;

/** A unified diff of two texts with the same number of lines (fixes never add or remove lines). */
public final class UnifiedDiff {
    private UnifiedDiff() {
    }

    /** The diff, "" when the texts are equal. One hunk per run of changed lines, no context. */
    public static String of(String file, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        StringBuilder sb = new StringBuilder("--- a/" + file + "\n+++ b/" + file + "\n");
        int n = Math.max(a.size(), b.size());
        int i = 0;
        while (i < n) {
            if (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && !(j < a.size() && j < b.size() && a.get(j).equals(b.get(j)))) {
                j++;
            }
            int aLen = Math.min(j, a.size()) - Math.min(i, a.size());
            int bLen = Math.min(j, b.size()) - Math.min(i, b.size());
            sb.append("@@ -").append(i + 1).append(',').append(aLen).append(" +").append(i + 1).append(',').append(bLen)
                .append(" @@\n");
            for (int k = i; k < j && k < a.size(); k++) {
                sb.append('-').append(a.get(k)).append('\n');
            }
            for (int k = i; k < j && k < b.size(); k++) {
                sb.append('+').append(b.get(k)).append('\n');
            }
            i = j;
        }
        return sb.toString();
    }
}
