package dev.estiba.instructions;

import dev.estiba.grammar.tree.Keyword;

/** {@code WORKDIR path}. Expands; a relative path joins the previous working directory. */
public record WorkdirInstruction(String path, Origin origin) implements Instruction {
    @Override
    public Keyword keyword() {
        return Keyword.WORKDIR;
    }

    @Override
    public WorkdirInstruction expand(Expander expander) {
        return new WorkdirInstruction(new Expansions(origin, expander).word(path), origin);
    }
}
