package dev.estiba.instructions;

import dev.estiba.grammar.tree.Keyword;

/**
 * {@code ONBUILD instruction}: a trigger stored in the image and run by the downstream build,
 * where it expands. Not ONBUILD, FROM or MAINTAINER.
 *
 * @param trigger the nested instruction, parsed and checked
 * @param expression the text stored in the image config ({@code OnBuild})
 * @param origin where it came from
 */
public record OnbuildInstruction(Instruction trigger, String expression, Origin origin) implements Instruction {
    @Override
    public Keyword keyword() {
        return Keyword.ONBUILD;
    }
}
