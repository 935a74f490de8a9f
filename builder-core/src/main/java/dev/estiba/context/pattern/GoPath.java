package dev.estiba.context.pattern;

import java.util.ArrayDeque;
import java.util.Deque;

/** Go's {@code path.Clean} for slash-separated paths, which moby and BuildKit apply to patterns and sources. */
public final class GoPath {
    private GoPath() {
    }

    /**
     * The shortest equivalent path: repeated slashes and {@code .} elements removed, {@code ..} folded into
     * the element before it ({@code ..} at the root of a rooted path is dropped), no trailing slash; an
     * empty result is {@code "."}.
     */
    public static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        Deque<String> out = new ArrayDeque<>();
        int leadingDotDots = 0;
        for (String element : path.split("/", -1)) {
            if (element.isEmpty() || element.equals(".")) {
                continue;
            }
            if (element.equals("..")) {
                if (!out.isEmpty()) {
                    out.removeLast();
                } else if (!rooted) {
                    leadingDotDots++;
                }
                continue;
            }
            out.addLast(element);
        }
        StringBuilder b = new StringBuilder();
        if (rooted) {
            b.append('/');
        }
        for (int i = 0; i < leadingDotDots; i++) {
            if (b.length() > 0 && b.charAt(b.length() - 1) != '/') {
                b.append('/');
            }
            b.append("..");
        }
        for (String element : out) {
            if (b.length() > 0 && b.charAt(b.length() - 1) != '/') {
                b.append('/');
            }
            b.append(element);
        }
        return b.length() == 0 ? "." : b.toString();
    }

    /**
     * A source or destination path made relative to a root it may not leave: leading {@code /} and any
     * {@code ..} that would climb above the root are removed. The root itself is {@code ""}.
     */
    public static String inRoot(String path) {
        String cleaned = clean("/" + path);
        return cleaned.equals("/") ? "" : cleaned.substring(1);
    }
}
