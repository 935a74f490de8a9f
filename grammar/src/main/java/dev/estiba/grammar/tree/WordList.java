package dev.estiba.grammar.tree;

import java.util.List;

/**
 * Words split on runs of {@code [ \t\v\f\r]} with no quote handling (FROM, EXPOSE, and the non-JSON form of ADD,
 * COPY and VOLUME).
 *
 * @param words the words, in order
 * @param text the arguments as written
 * @param range the arguments
 */
public record WordList(List<Word> words, String text, SourceRange range) implements Arguments {
    public WordList {
        words = List.copyOf(words);
    }

    /** The texts of the words. */
    public List<String> values() {
        return words.stream().map(Word::text).toList();
    }
}
