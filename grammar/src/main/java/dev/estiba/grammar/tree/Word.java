package dev.estiba.grammar.tree;

/**
 * A word of an instruction's arguments, verbatim (quotes and escapes kept).
 *
 * @param text the word as written
 * @param range the word
 */
public record Word(String text, SourceRange range) implements Node {
}
