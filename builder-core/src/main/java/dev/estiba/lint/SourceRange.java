package dev.estiba.lint;

/**
 * Where a finding is, 1-based and inclusive of the start; the end column is exclusive.
 *
 * @param line first line
 * @param column first column
 * @param endLine last line
 * @param endColumn column after the last character on {@code endLine}
 */
public record SourceRange(int line, int column, int endLine, int endColumn) {

    /** A range covering one point. */
    public static SourceRange at(int line, int column) {
        return new SourceRange(line, column, line, column);
    }
}
