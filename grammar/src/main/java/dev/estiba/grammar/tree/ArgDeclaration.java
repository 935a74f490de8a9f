package dev.estiba.grammar.tree;

import java.util.Optional;

/**
 * One {@code name[=default]} of an ARG instruction, verbatim (quotes kept).
 *
 * @param name the text before the first {@code =}
 * @param defaultValue the text after the first {@code =}, when there is one
 * @param text the word as written
 * @param range the word
 */
public record ArgDeclaration(String name, Optional<String> defaultValue, String text, SourceRange range)
        implements Node {
}
