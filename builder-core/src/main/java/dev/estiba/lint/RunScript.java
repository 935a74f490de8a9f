package dev.estiba.lint;

import dev.estiba.lint.shell.Command;
import dev.estiba.lint.shell.Script;
import dev.estiba.lint.shell.Word;

/**
 * The shell script of a RUN, parsed, with the offset of its first character in the Dockerfile so that
 * every word maps back to a Dockerfile line and column.
 *
 * @param script the parsed script
 * @param base offset in the Dockerfile text of the script's offset 0
 * @param lines the Dockerfile's line index
 */
public record RunScript(Script script, int base, LineIndex lines) {

    /** Where a word is in the Dockerfile. */
    public SourceRange range(Word w) {
        return lines.range(base + w.start(), base + w.end());
    }

    /** Where a command is in the Dockerfile. */
    public SourceRange range(Command c) {
        return lines.range(base + c.start(), base + c.end());
    }

    /** Dockerfile line of a script offset. */
    public int line(int offset) {
        return lines.line(base + offset);
    }

    /** Dockerfile column of a script offset. */
    public int column(int offset) {
        return lines.column(base + offset);
    }
}
