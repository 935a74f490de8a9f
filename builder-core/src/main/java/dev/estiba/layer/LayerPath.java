package dev.estiba.layer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Paths inside a layer: relative, slash-separated, without {@code .} or {@code ..} segments, empty segments or
 * NUL, and without a leading or trailing slash ({@code usr/bin/env}).
 */
public final class LayerPath {

    /** Orders paths by their UTF-8 bytes, so the order does not depend on the JVM or locale. */
    public static final Comparator<String> BYTE_ORDER = (a, b) -> Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private LayerPath() {
    }

    /**
     * The normal form of a path: a leading {@code /} or {@code ./} and a trailing {@code /} are dropped.
     *
     * @throws IllegalArgumentException naming the path when it is empty or has a bad segment
     */
    public static String normalize(String path) {
        if (path == null) {
            throw new IllegalArgumentException("missing path");
        }
        if (path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("path contains NUL: \"" + path.replace("\0", "\\0") + "\"");
        }
        if (!isWellFormed(path)) {
            throw new IllegalArgumentException("path is not valid Unicode (unpaired surrogate): \""
                + path.replaceAll("[\\uD800-\\uDFFF]", "\uFFFD") + "\"");
        }
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty() || p.equals(".")) {
            throw new IllegalArgumentException("path names the root: \"" + path + "\"");
        }
        for (String segment : p.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("invalid path \"" + path + "\": empty, . or .. segment");
            }
        }
        return p;
    }

    /** Whether every surrogate is part of a pair, so the path has a UTF-8 form. */
    static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The parent of a normalized path, or "" for a top-level name. */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The last segment of a normalized path. */
    public static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
