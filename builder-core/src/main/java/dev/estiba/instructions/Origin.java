package dev.estiba.instructions;

import dev.estiba.grammar.tree.SourceRange;

/**
 * Where a typed instruction comes from.
 *
 * @param sourceName the Dockerfile's name as given to the parser
 * @param range the whole instruction (heredoc bodies included)
 * @param original the source text as written
 * @param line the logical line: continuations joined, comment lines dropped
 */
public record Origin(String sourceName, SourceRange range, String original, String line) {
    /** The first physical line of the instruction. */
    public int lineNumber() {
        return range.startLine();
    }

    /** {@code sourceName:line}, the prefix of every message about this instruction. */
    public String location() {
        return sourceName + ":" + lineNumber();
    }
}
