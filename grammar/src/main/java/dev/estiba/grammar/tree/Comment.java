package dev.estiba.grammar.tree;

/**
 * A comment line (first non-blank character {@code #}) that is not a parser directive.
 *
 * @param text the text after {@code #}, with surrounding white space trimmed
 * @param original the whole line as written
 * @param insideInstruction true when the line sits inside a continued instruction
 * @param range the line, from the {@code #} to its end
 */
public record Comment(String text, String original, boolean insideInstruction, SourceRange range) implements Node {
}
