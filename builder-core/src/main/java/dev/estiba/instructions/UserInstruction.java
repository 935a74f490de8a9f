package dev.estiba.instructions;

import dev.estiba.grammar.tree.Keyword;

/** {@code USER user[:group]}. Expands. */
public record UserInstruction(String user, Origin origin) implements Instruction {
    @Override
    public Keyword keyword() {
        return Keyword.USER;
    }

    @Override
    public UserInstruction expand(Expander expander) {
        return new UserInstruction(new Expansions(origin, expander).word(user), origin);
    }
}
