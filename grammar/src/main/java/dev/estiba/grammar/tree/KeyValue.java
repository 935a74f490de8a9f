package dev.estiba.grammar.tree;

/**
 * One ENV or LABEL pair, verbatim: quotes and escapes are kept in key and value (they are removed by expansion).
 *
 * @param key the key as written (e.g. {@code "com.example.vendor"} with its quotes)
 * @param value the value as written; in the legacy form the whole rest of the line after the key
 * @param text the pair as written ({@code key=value}, or {@code key value} in the legacy form)
 * @param range the pair
 */
public record KeyValue(String key, String value, String text, SourceRange range) implements Node {
}
