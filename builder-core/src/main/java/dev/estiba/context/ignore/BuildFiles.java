package dev.estiba.context.ignore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The files that drive a build rather than feed it: the Dockerfile and the ignore files, when they lie in the
 * context. estiba never copies them into an image through a directory or a wildcard source ({@code COPY . /app}
 * leaves them out); only a source that names one of them exactly copies it. Docker and BuildKit send them like
 * any other file unless {@code .dockerignore} excludes them; this is a deliberate difference (issue 5).
 *
 * @param paths context-relative, slash-separated paths of the build files inside the context
 */
public record BuildFiles(Set<String> paths) {
    /** No build files in the context. */
    public static final BuildFiles NONE = new BuildFiles(Set.of());

    /** Compact constructor: keeps an immutable copy. */
    public BuildFiles {
        paths = Set.copyOf(paths);
    }

    /**
     * The build files of a build.
     *
     * @param contextDir the context directory
     * @param dockerfile the Dockerfile (may be outside the context, or null when read from stdin)
     * @param ignoreFile the ignore file in use (may be outside the context, or null)
     */
    public static BuildFiles of(Path contextDir, Path dockerfile, Path ignoreFile) {
        Set<String> inside = new LinkedHashSet<>();
        inside.add(IgnoreFiles.DEFAULT_NAME);
        Path root = canonical(contextDir);
        for (Path p : new Path[] {dockerfile, ignoreFile}) {
            if (p == null) {
                continue;
            }
            Path abs = canonical(p);
            if (abs.startsWith(root) && !abs.equals(root)) {
                inside.add(root.relativize(abs).toString().replace(abs.getFileSystem().getSeparator(), "/"));
            }
        }
        return new BuildFiles(inside);
    }

    /** The real path where it exists (so a symlinked context directory still compares equal), else absolute. */
    private static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /**
     * Whether a context path is a build file, left out of directory and wildcard sources.
     *
     * @param path context-relative, slash-separated
     */
    public boolean hiddenUnlessNamed(String path) {
        return paths.contains(path);
    }
}
