package dev.estiba.instructions;

import dev.estiba.grammar.tree.Keyword;
import java.util.List;
import java.util.Optional;

/**
 * {@code ARG name[=default] ...}. Only defaults expand, one after another (a default sees the ARGs
 * declared before it on the same line); the scoping rules live in the plan.
 */
public record ArgInstruction(List<Declaration> declarations, Origin origin) implements Instruction {
    public ArgInstruction {
        declarations = List.copyOf(declarations);
    }

    /** One declared name and its default as written. */
    public record Declaration(String name, Optional<String> defaultValue) {
    }

    @Override
    public Keyword keyword() {
        return Keyword.ARG;
    }
}
