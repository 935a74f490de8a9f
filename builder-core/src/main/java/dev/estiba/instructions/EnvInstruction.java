package dev.estiba.instructions;

import dev.estiba.grammar.tree.Keyword;
import java.util.List;

/**
 * {@code ENV k=v ...} (or the legacy {@code ENV k v}). Keys and values expand, all against the
 * values in scope before the instruction.
 */
public record EnvInstruction(List<KeyValue> pairs, Origin origin) implements Instruction {
    public EnvInstruction {
        pairs = List.copyOf(pairs);
    }

    @Override
    public Keyword keyword() {
        return Keyword.ENV;
    }

    @Override
    public EnvInstruction expand(Expander expander) {
        return new EnvInstruction(KeyValues.expand(pairs, new Expansions(origin, expander), "ENV", origin), origin);
    }
}
