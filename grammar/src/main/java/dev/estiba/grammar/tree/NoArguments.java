package dev.estiba.grammar.tree;

/**
 * Nothing after the keyword and flags (e.g. a bare {@code HEALTHCHECK}, or {@code CMD} with no text).
 *
 * @param range an empty range where the arguments would start
 */
public record NoArguments(SourceRange range) implements Arguments {
    @Override
    public String text() {
        return "";
    }
}
