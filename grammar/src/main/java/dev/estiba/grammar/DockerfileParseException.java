package dev.estiba.grammar;

/**
 * A Dockerfile that cannot be parsed. Carries where (file, 1-based line and column) and what; {@link #render()} gives
 * the message a user sees: {@code Dockerfile:12:5: unknown instruction: RUNN (did you mean RUN?)}, then the offending
 * line and a caret under the column.
 */
public final class DockerfileParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final int line;
    private final int column;
    private final String detail;
    private final String sourceLine;

    /**
     * @param sourceName the file name as given to the parser
     * @param line 1-based line of the error
     * @param column 1-based column of the error
     * @param detail what is wrong, without the location
     * @param sourceLine the text of the offending line (without its line ending), or empty when there is none
     */
    public DockerfileParseException(String sourceName, int line, int column, String detail, String sourceLine) {
        super(sourceName + ":" + line + ":" + column + ": " + detail);
        this.sourceName = sourceName;
        this.line = line;
        this.column = column;
        this.detail = detail;
        this.sourceLine = sourceLine;
    }

    /** The file name as given to the parser. */
    public String sourceName() {
        return sourceName;
    }

    /** The 1-based line of the error. */
    public int line() {
        return line;
    }

    /** The 1-based column of the error. */
    public int column() {
        return column;
    }

    /** What is wrong, without the location (e.g. {@code unknown instruction: RUNN (did you mean RUN?)}). */
    public String detail() {
        return detail;
    }

    /** The offending line, without its line ending; empty when the error is not on a line (an empty file). */
    public String sourceLine() {
        return sourceLine;
    }

    /**
     * The message for people: {@code file:line:column: detail}, then (when there is one) the offending line and a
     * caret under the column. Tabs before the column are kept so the caret lines up. No trailing newline.
     */
    public String render() {
        StringBuilder sb = new StringBuilder(getMessage());
        if (!sourceLine.isEmpty()) {
            sb.append('\n').append(sourceLine).append('\n');
            int upTo = Math.min(column - 1, sourceLine.length());
            for (int i = 0; i < upTo; i++) {
                sb.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
            }
            sb.append('^');
        }
        return sb.toString();
    }
}
