package dev.estiba.instructions;

import dev.estiba.grammar.tree.Keyword;

/** {@code CMD}: the image's default command, or default arguments of its ENTRYPOINT. Never expanded. */
public record CmdInstruction(Command command, Origin origin) implements Instruction {
    @Override
    public Keyword keyword() {
        return Keyword.CMD;
    }
}
