package dev.estiba.context.select;

import dev.estiba.context.ContextEntry;
import dev.estiba.context.EntryType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a context path, following symlinks inside the context only: an absolute link target starts again
 * at the context root and {@code ..} never climbs above it (as BuildKit's scoped {@code RootPath} does).
 */
final class ScopedResolver {
    private static final int MAX_LINKS = 255;

    private ScopedResolver() {
    }

    /**
     * The context-relative path that {@code path} leads to ({@code ""} for the root), or null when it leads
     * nowhere (a missing entry, a file used as a directory, a link loop).
     */
    static String resolve(SourceTree ctx, String path) {
        Deque<String> todo = new ArrayDeque<>(List.of(path.split("/")));
        List<String> done = new ArrayList<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String c = todo.pollFirst();
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                continue;
            }
            String candidate = done.isEmpty() ? c : String.join("/", done) + "/" + c;
            ContextEntry e = ctx.entry(candidate).orElse(null);
            if (e == null) {
                return null;
            }
            if (e.type() == EntryType.SYMLINK) {
                if (++links > MAX_LINKS) {
                    return null;
                }
                String target = e.linkTarget();
                if (target.startsWith("/")) {
                    done.clear();
                }
                String[] parts = target.split("/");
                for (int i = parts.length - 1; i >= 0; i--) {
                    todo.addFirst(parts[i]);
                }
                continue;
            }
            if (e.type() != EntryType.DIRECTORY && !todo.isEmpty()) {
                return null;
            }
            done.add(c);
        }
        return String.join("/", done);
    }
}
