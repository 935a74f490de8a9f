package dev.estiba.grammar.tree;

import java.util.List;

/**
 * Exec form: a JSON array of strings, e.g. {@code ["sh", "-c", "echo hi"]}.
 *
 * @param items the strings, in order (empty for {@code []})
 * @param text the array as written
 * @param range the array
 */
public record ExecForm(List<JsonString> items, String text, SourceRange range) implements Arguments {
    public ExecForm {
        items = List.copyOf(items);
    }

    /** The decoded strings. */
    public List<String> values() {
        return items.stream().map(JsonString::value).toList();
    }
}
