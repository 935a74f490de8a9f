package dev.estiba.instructions;

import java.util.List;

/**
 * Expands the words of an instruction with the ARG and ENV values in scope at its step. The plan
 * supplies one per step; implementations throw {@link dev.estiba.expand.ExpansionException}.
 */
public interface Expander {
    /** One word, quotes removed, not split. */
    String word(String text);

    /** Words split on unquoted white space (EXPOSE). */
    List<String> words(String text);

    /**
     * Text expanded with quotes left alone and {@code \} as the escape, as BuildKit expands the
     * body of a COPY/ADD heredoc with an unquoted delimiter. Defaults to returning the text unchanged.
     */
    default String raw(String text) {
        return text;
    }
}
