package dev.estiba.lint;

import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.Word;
import java.util.List;
import java.util.Locale;

/**
 * One build stage as the linter sees it.
 *
 * @param index 0-based stage index
 * @param from the FROM instruction
 * @param image the image word (null when FROM has no argument)
 * @param nameWord the word after AS (null when the stage has no name)
 * @param asWord the AS keyword word (null when absent)
 * @param instructions the instructions after FROM, up to the next FROM
 */
public record Stage(int index, Instruction from, Word image, Word nameWord, Word asWord, List<Instruction> instructions) {

    public Stage {
        instructions = List.copyOf(instructions);
    }

    /** The stage name in lower case (as BuildKit resolves it), or null. */
    public String name() {
        return nameWord == null ? null : nameWord.text().toLowerCase(Locale.ROOT);
    }

    /** The image reference as written, or "". */
    public String imageText() {
        return image == null ? "" : image.text();
    }
}
