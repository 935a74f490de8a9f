package dev.estiba.instructions;

import dev.estiba.grammar.tree.Keyword;
import java.util.Optional;

/**
 * {@code FROM [--platform=P] image [AS name]}. The image and platform expand with global ARGs only.
 *
 * @param image the base: an image reference, {@code scratch}, or an earlier stage's name
 * @param platform the {@code --platform} value
 * @param stageName the {@code AS} name, lower-cased (stage names are case-insensitive)
 * @param origin where it came from
 */
public record FromInstruction(String image, Optional<String> platform, Optional<String> stageName, Origin origin)
        implements Instruction {
    @Override
    public Keyword keyword() {
        return Keyword.FROM;
    }

    @Override
    public FromInstruction expand(Expander expander) {
        Expansions x = new Expansions(origin, expander);
        String expanded = x.word(image);
        if (expanded.isEmpty()) {
            throw new InstructionException(origin, "base name (" + image + ") should not be blank");
        }
        return new FromInstruction(expanded, x.word(platform), stageName, origin);
    }
}
