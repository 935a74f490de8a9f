package dev.estiba.instructions;

import dev.estiba.grammar.tree.Keyword;

/** {@code STOPSIGNAL signal}: a signal name or number ({@link Signals}). Expands. */
public record StopsignalInstruction(String signal, Origin origin) implements Instruction {
    @Override
    public Keyword keyword() {
        return Keyword.STOPSIGNAL;
    }

    @Override
    public StopsignalInstruction expand(Expander expander) {
        Expansions x = new Expansions(origin, expander);
        String s = x.word(signal);
        x.check(() -> {
            Signals.validate(s);
            return s;
        });
        return new StopsignalInstruction(s, origin);
    }
}
