package dev.estiba.instructions;

import dev.estiba.grammar.tree.Keyword;

/** {@code ENTRYPOINT}: the image's entry point. Never expanded. */
public record EntrypointInstruction(Command command, Origin origin) implements Instruction {
    @Override
    public Keyword keyword() {
        return Keyword.ENTRYPOINT;
    }
}
