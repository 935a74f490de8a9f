package dev.estiba.build;

import dev.estiba.instructions.AddInstruction;
import dev.estiba.instructions.CopyInstruction;
import dev.estiba.instructions.Instruction;
import dev.estiba.instructions.RunInstruction;
import dev.estiba.instructions.WorkdirInstruction;

/**
 * What executing an instruction takes: a config change only, a change of files computed from sources (COPY,
 * ADD, WORKDIR), or a command run in a container (RUN). The engine switches over these kinds; RUN is the
 * seam where {@code dev.estiba.run} plugs in.
 */
sealed interface BuildStep {
    /** The instruction after expansion. */
    Instruction instruction();

    /** ENV, LABEL, CMD, ...: the config changes, no layer. */
    record ConfigStep(Instruction instruction) implements BuildStep {
    }

    /** COPY, ADD or WORKDIR: a layer computed from sources, cached by their content digests. */
    record FileStep(Instruction instruction) implements BuildStep {
    }

    /** RUN: a command in an isolated container. */
    record RunStep(RunInstruction instruction) implements BuildStep {
    }

    /** The kind of an expanded instruction. */
    static BuildStep of(Instruction i) {
        if (i instanceof RunInstruction r) {
            return new RunStep(r);
        }
        if (i instanceof CopyInstruction || i instanceof AddInstruction || i instanceof WorkdirInstruction) {
            return new FileStep(i);
        }
        return new ConfigStep(i);
    }
}
