package dev.estiba.expand;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The result of expanding one word.
 *
 * @param value the expanded word with quotes removed (what BuildKit's {@code ProcessWord} returns)
 * @param words the same text split on unquoted whitespace, where the whitespace that unquoted
 *     expansions bring in splits too (BuildKit's {@code ProcessWords}); empty quoted strings make
 *     no word
 * @param referenced every variable name looked up, in the order first looked up (positional and
 *     special parameters such as {@code 1} or {@code @} included)
 * @param unset the referenced names that had no value in the environment
 */
public record Expansion(String value, List<String> words, Set<String> referenced, Set<String> unset) {
    public Expansion {
        words = List.copyOf(words);
        referenced = Collections.unmodifiableSet(new LinkedHashSet<>(referenced));
        unset = Collections.unmodifiableSet(new LinkedHashSet<>(unset));
    }

    /** The referenced names that had a value (possibly empty), in the order first looked up. */
    public Set<String> found() {
        Set<String> found = new LinkedHashSet<>(referenced);
        found.removeAll(unset);
        return Collections.unmodifiableSet(found);
    }
}
