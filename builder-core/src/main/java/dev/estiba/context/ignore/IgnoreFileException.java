package dev.estiba.context.ignore;

/** An ignore file that cannot be used: unreadable, or a line holds a bad pattern ({@code FILE:LINE: ...}). */
public final class IgnoreFileException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the full message, starting with the file name and, where there is one, the line
     * @param cause   the underlying error, or null
     */
    public IgnoreFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
