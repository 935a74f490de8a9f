package dev.estiba.instructions;

import dev.estiba.grammar.tree.Keyword;

/** {@code MAINTAINER name} (deprecated). Not expanded. */
public record MaintainerInstruction(String name, Origin origin) implements Instruction {
    @Override
    public Keyword keyword() {
        return Keyword.MAINTAINER;
    }

}
