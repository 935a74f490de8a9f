package dev.estiba.context;

import dev.estiba.context.ignore.BuildFiles;
import dev.estiba.context.ignore.IgnoreFile;
import dev.estiba.context.ignore.IgnoreFileException;
import dev.estiba.context.ignore.IgnoreFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The one call the engine makes to see a context: find the ignore file, then walk. */
public final class BuildContext {
    private BuildContext() {
    }

    /**
     * Snapshots a context directory for a build.
     *
     * @param contextDir the context directory (for {@code -}, the directory {@link ContextArchive} unpacked)
     * @param dockerfile the Dockerfile, inside or outside the context; null when it comes from elsewhere
     * @throws IgnoreFileException when the ignore file is unreadable or holds a bad pattern
     * @throws IOException         when the context cannot be walked
     */
    public static ContextSnapshot snapshot(Path contextDir, Path dockerfile) throws IOException, IgnoreFileException {
        Optional<Path> ignorePath = IgnoreFiles.locate(contextDir, dockerfile);
        IgnoreFile ignore = IgnoreFiles.load(contextDir, dockerfile);
        BuildFiles buildFiles = BuildFiles.of(contextDir, dockerfile, ignorePath.orElse(null));
        return ContextWalker.walk(contextDir, ignore, buildFiles);
    }
}
