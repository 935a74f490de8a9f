package dev.estiba.grammar.tree;

/**
 * One string of an exec-form JSON array.
 *
 * @param value the decoded string
 * @param raw the JSON literal as written, quotes included
 * @param range the literal
 */
public record JsonString(String value, String raw, SourceRange range) implements Node {
}
