package dev.estiba.context;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.estiba.context.ignore.BuildFiles;
import dev.estiba.context.ignore.IgnoreFile;
import dev.estiba.context.ignore.IgnoreFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Builds small trees from fsutil-style lines ({@code "ADD foo dir"}, {@code "ADD a file data"}) on jimfs. */
public final class TestTrees {
    private TestTrees() {
    }

    /** A fresh Unix-like in-memory file system with the {@code unix} attribute view. */
    public static FileSystem jimfs() {
        return Jimfs.newFileSystem(Configuration.unix().toBuilder()
            .setAttributeViews("basic", "owner", "posix", "unix").build());
    }

    /** Creates the tree under a new directory {@code /ctx} of {@code fs}. */
    public static Path tree(FileSystem fs, String... lines) throws IOException {
        Path root = fs.getPath("/ctx");
        Files.createDirectories(root);
        return tree(root, lines);
    }

    /** Creates the tree under {@code root}. Lines: {@code ADD path dir|file [data]|symlink target}. */
    public static Path tree(Path root, String... lines) throws IOException {
        for (String line : lines) {
            String[] w = line.split(" ", 4);
            Path p = root.resolve(w[1]);
            switch (w[2]) {
                case "dir":
                    Files.createDirectories(p);
                    break;
                case "file":
                    Files.createDirectories(p.getParent());
                    Files.write(p, (w.length > 3 ? w[3] : "").getBytes(StandardCharsets.UTF_8));
                    break;
                case "symlink":
                    Files.createSymbolicLink(p, p.getFileSystem().getPath(w[3]));
                    break;
                default:
                    throw new IllegalArgumentException(line);
            }
        }
        return root;
    }

    /** Walks with an ignore file given as text. */
    public static ContextSnapshot snapshot(Path root, String dockerignore) throws IOException, IgnoreFileException {
        return ContextWalker.walk(root, IgnoreFile.parse(".dockerignore", dockerignore), BuildFiles.NONE);
    }

    /** The snapshot as fsutil's tests print a walk: {@code dir a}, {@code file a/b}, {@code symlink:t a/l}. */
    public static List<String> listing(ContextSnapshot s) {
        return s.entries().stream().map(e -> {
            switch (e.type()) {
                case DIRECTORY:
                    return "dir " + e.path();
                case SYMLINK:
                    return "symlink:" + e.linkTarget() + " " + e.path();
                default:
                    return "file " + e.path();
            }
        }).collect(Collectors.toList());
    }
}
