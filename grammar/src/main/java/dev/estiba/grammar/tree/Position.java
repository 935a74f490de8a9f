package dev.estiba.grammar.tree;

/**
 * A point in the source text.
 *
 * @param line 1-based physical line
 * @param column 1-based column, counted in UTF-16 characters from the start of the line (a UTF-8 BOM is not counted)
 * @param offset 0-based character offset into the source text as read (BOM excluded)
 */
public record Position(int line, int column, int offset) {
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
