package dev.estiba.context.select;

import java.util.List;

/**
 * What a COPY or ADD asks of the context, after variable expansion.
 *
 * @param sources  the source paths as written (wildcards allowed)
 * @param excludes the {@code --exclude} patterns
 * @param parents  whether {@code --parents} keeps the sources' parent directories
 */
public record CopySources(List<String> sources, List<String> excludes, boolean parents) {
    /** Compact constructor: keeps immutable copies. */
    public CopySources {
        sources = List.copyOf(sources);
        excludes = List.copyOf(excludes);
    }

    /** Plain sources, no flags. */
    public static CopySources of(String... sources) {
        return new CopySources(List.of(sources), List.of(), false);
    }
}
