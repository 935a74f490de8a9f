package dev.estiba.grammar.tree;

/**
 * A stretch of source text. {@code end} is exclusive: it points just past the last character, so the
 * range of a node that ends a line has {@code end.line()} equal to that line.
 */
public record SourceRange(Position start, Position end) {
    /** The first line of the range. */
    public int startLine() {
        return start.line();
    }

    /** The last line the range touches. */
    public int endLine() {
        return end.line();
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
