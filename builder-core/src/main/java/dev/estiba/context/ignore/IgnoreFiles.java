package dev.estiba.context.ignore;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the ignore file that applies to a build: {@code NAME.dockerignore} next to the Dockerfile
 * {@code NAME} wins; otherwise {@code .dockerignore} at the context root; otherwise none.
 */
public final class IgnoreFiles {
    /** The context-wide ignore file's name. */
    public static final String DEFAULT_NAME = ".dockerignore";

    private IgnoreFiles() {
    }

    /**
     * The ignore file for a build, if there is one.
     *
     * @param contextDir the context directory
     * @param dockerfile the Dockerfile, possibly outside the context; null when it comes from elsewhere (stdin)
     */
    public static Optional<Path> locate(Path contextDir, Path dockerfile) {
        if (dockerfile != null && dockerfile.getFileName() != null) {
            Path specific = dockerfile.resolveSibling(dockerfile.getFileName() + DEFAULT_NAME);
            if (Files.isRegularFile(specific)) {
                return Optional.of(specific);
            }
        }
        Path common = contextDir.resolve(DEFAULT_NAME);
        return Files.isRegularFile(common) ? Optional.of(common) : Optional.empty();
    }

    /**
     * Reads the ignore file for a build, or {@link IgnoreFile#NONE}.
     *
     * @throws IgnoreFileException when it cannot be read or holds a bad pattern
     */
    public static IgnoreFile load(Path contextDir, Path dockerfile) throws IgnoreFileException {
        Optional<Path> file = locate(contextDir, dockerfile);
        if (file.isEmpty()) {
            return IgnoreFile.NONE;
        }
        String name = file.get().getFileName().toString();
        try (Reader in = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
            return IgnoreFile.parse(name, in);
        } catch (NoSuchFileException e) {
            return IgnoreFile.NONE;
        } catch (IOException e) {
            throw new IgnoreFileException(name + ": cannot read: " + e.getMessage(), e);
        }
    }
}
