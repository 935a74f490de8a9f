package dev.estiba.instructions;

import dev.estiba.grammar.tree.Keyword;
import java.util.List;

/** {@code LABEL k=v ...}. Keys and values expand. */
public record LabelInstruction(List<KeyValue> pairs, Origin origin) implements Instruction {
    public LabelInstruction {
        pairs = List.copyOf(pairs);
    }

    @Override
    public Keyword keyword() {
        return Keyword.LABEL;
    }

    @Override
    public LabelInstruction expand(Expander expander) {
        return new LabelInstruction(KeyValues.expand(pairs, new Expansions(origin, expander), "LABEL", origin),
            origin);
    }
}
