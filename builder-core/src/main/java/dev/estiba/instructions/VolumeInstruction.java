package dev.estiba.instructions;

import dev.estiba.grammar.tree.Keyword;
import java.util.List;

/** {@code VOLUME path ...} or {@code VOLUME ["path", ...]}. Expands. */
public record VolumeInstruction(List<String> paths, Origin origin) implements Instruction {
    public VolumeInstruction {
        paths = List.copyOf(paths);
    }

    @Override
    public Keyword keyword() {
        return Keyword.VOLUME;
    }

    @Override
    public VolumeInstruction expand(Expander expander) {
        List<String> out = new Expansions(origin, expander).each(paths);
        if (out.stream().anyMatch(String::isEmpty)) {
            throw new InstructionException(origin, "VOLUME specified can not be an empty string");
        }
        return new VolumeInstruction(out, origin);
    }
}
