package dev.estiba.grammar.tree;

/**
 * A parser directive from the leading block ({@code # syntax=...}, {@code # escape=...}, {@code # check=...}).
 *
 * @param name the directive name, lower-cased ({@code syntax}, {@code escape}, {@code check})
 * @param value the value, trimmed
 * @param original the whole line as written
 * @param range the line
 */
public record Directive(String name, String value, String original, SourceRange range) implements Node {
}
