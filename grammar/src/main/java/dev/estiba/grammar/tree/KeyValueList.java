package dev.estiba.grammar.tree;

import java.util.List;

/**
 * ENV and LABEL arguments: {@code key=value ...}, or the legacy {@code key value} (one pair, the value being the
 * rest of the line).
 *
 * @param legacy true for the legacy {@code key value} form
 * @param pairs the pairs, in order (exactly one in the legacy form)
 * @param text the arguments as written
 * @param range the arguments
 */
public record KeyValueList(boolean legacy, List<KeyValue> pairs, String text, SourceRange range)
        implements Arguments {
    public KeyValueList {
        pairs = List.copyOf(pairs);
    }
}
