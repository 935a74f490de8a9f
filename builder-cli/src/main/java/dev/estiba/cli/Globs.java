package dev.estiba.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/** Expands file globs ({@code **}/Dockerfile, {@code docker/*.Dockerfile}) given on the command line. */
final class Globs {
    private Globs() {
    }

    static boolean isGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    /** The regular files the glob matches, sorted, walking from its longest directory prefix without wildcards. */
    static List<Path> expand(String glob) throws IOException {
        String g = glob.replace('\\', '/');
        int wild = firstWildcard(g);
        int slash = g.lastIndexOf('/', wild);
        Path root = slash < 0 ? Path.of("") : Path.of(g.substring(0, slash + 1));
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + g);
        Path walkFrom = root.toString().isEmpty() ? Path.of(".") : root;
        if (!Files.isDirectory(walkFrom)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(walkFrom)) {
            return s.filter(Files::isRegularFile)
                .map(p -> root.toString().isEmpty() ? walkFrom.relativize(p) : p)
                .filter(m::matches)
                .sorted()
                .toList();
        }
    }

    private static int firstWildcard(String g) {
        for (int i = 0; i < g.length(); i++) {
            if ("*?[{".indexOf(g.charAt(i)) >= 0) {
                return i;
            }
        }
        return g.length();
    }
}
