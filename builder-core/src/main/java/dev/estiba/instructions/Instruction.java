package dev.estiba.instructions;

import dev.estiba.grammar.tree.Keyword;

/**
 * A typed Dockerfile instruction: flags parsed and checked, arguments in their own fields, and
 * where it came from. Records hold the text as written (quotes kept where expansion removes them);
 * {@link #expand(Expander)} gives the same record with the words the builder expands expanded and
 * their values checked, as BuildKit does before it runs the instruction.
 */
public sealed interface Instruction
        permits FromInstruction, RunInstruction, CmdInstruction, EntrypointInstruction, CopyInstruction,
                AddInstruction, EnvInstruction, ArgInstruction, LabelInstruction, ExposeInstruction,
                UserInstruction, WorkdirInstruction, VolumeInstruction, StopsignalInstruction,
                HealthcheckInstruction, ShellInstruction, MaintainerInstruction, OnbuildInstruction {

    /** Where it came from. */
    Origin origin();

    /** Which instruction this is. */
    Keyword keyword();

    /**
     * The instruction with its expandable words expanded (RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK,
     * MAINTAINER and ONBUILD return themselves: the builder expands nothing in them).
     *
     * @throws InstructionException at the instruction's line when a word cannot be expanded or an
     *     expanded value is invalid
     */
    default Instruction expand(Expander expander) {
        return this;
    }
}
