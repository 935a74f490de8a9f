package dev.estiba.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Layout files in a directory. */
public final class DirectoryFiles implements LayoutFiles {
    private final Path root;
    private final String describe;

    public DirectoryFiles(Path root, String describe) {
        this.root = root;
        this.describe = describe;
    }

    @Override
    public boolean exists(String path) {
        return Files.isRegularFile(root.resolve(path), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public InputStream open(String path) throws IOException {
        try {
            return Files.newInputStream(root.resolve(path), LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new ImageFormatException(describe + ": missing " + path);
        }
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public void close() {
    }
}
