package dev.estiba.grammar.tree;

import java.util.Optional;

/**
 * A {@code --name[=value]} flag before an instruction's arguments.
 *
 * @param name the flag name without the leading {@code --} (e.g. {@code from}); quotes and escapes removed
 * @param value the text after the first {@code =}, quotes and escapes removed; empty when the flag has no {@code =}
 * @param text the flag as BuildKit reports it: {@code --} + name [+ {@code =} + value]
 * @param original the flag word exactly as written
 * @param range the flag word
 */
public record Flag(String name, Optional<String> value, String text, String original, SourceRange range)
        implements Node {
}
