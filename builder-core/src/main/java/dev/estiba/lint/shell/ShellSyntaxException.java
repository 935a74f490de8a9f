package dev.estiba.lint.shell;

/** A script the shell parser cannot read (an unclosed quote, a missing heredoc delimiter). */
public final class ShellSyntaxException extends RuntimeException {
    private final int offset;

    public ShellSyntaxException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** Offset in the script where the problem was found. */
    public int offset() {
        return offset;
    }
}
