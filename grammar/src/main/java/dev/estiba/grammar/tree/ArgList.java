package dev.estiba.grammar.tree;

import java.util.List;

/**
 * ARG arguments: one or more {@code name[=default]} words.
 *
 * @param declarations the declarations, in order
 * @param text the arguments as written
 * @param range the arguments
 */
public record ArgList(List<ArgDeclaration> declarations, String text, SourceRange range) implements Arguments {
    public ArgList {
        declarations = List.copyOf(declarations);
    }
}
