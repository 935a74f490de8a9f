package dev.estiba.instructions;

import dev.estiba.grammar.tree.Keyword;
import java.util.List;

/** {@code SHELL ["executable", "args"...]}: JSON form only, at least one element. Not expanded. */
public record ShellInstruction(List<String> shell, Origin origin) implements Instruction {
    public ShellInstruction {
        shell = List.copyOf(shell);
    }

    @Override
    public Keyword keyword() {
        return Keyword.SHELL;
    }
}
