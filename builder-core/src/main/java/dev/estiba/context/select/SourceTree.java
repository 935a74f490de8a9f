package dev.estiba.context.select;

import dev.estiba.context.ContextEntry;
import java.util.List;
import java.util.Optional;

/**
 * A tree that COPY and ADD select from: the build context ({@code ContextSnapshot}), or, for
 * {@code COPY --from}, a stage or image file tree the engine indexes. Paths are relative, slash-separated,
 * {@code ""} being the root.
 */
public interface SourceTree {
    /** The entry at a path, if any. */
    Optional<ContextEntry> entry(String path);

    /** The direct children of a directory, in walk order (names sorted by UTF-8 bytes). */
    List<ContextEntry> children(String dir);

    /** How errors name this tree: {@code the build context}, {@code stage "build"}. */
    String where();

    /** Whether an entry is left out of directory and wildcard sources unless named exactly (build files). */
    default boolean hiddenUnlessNamed(String path) {
        return false;
    }

    /** Why a path is missing when something excluded it ({@code .dockerignore:3 ("*.jar")}), else null. */
    default String excludedReason(String path) {
        return null;
    }
}
