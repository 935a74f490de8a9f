package dev.estiba.context.pattern;

/**
 * A pattern that Go's {@code filepath.Match} syntax rejects (Go's {@code ErrBadPattern}), or an
 * exclusion pattern without a path ({@code "!"}).
 */
public final class BadPatternException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String pattern;

    /**
     * @param pattern the pattern as the user wrote it
     * @param reason  what is wrong with it, in a few words
     */
    public BadPatternException(String pattern, String reason) {
        super("bad pattern \"" + pattern + "\": " + reason);
        this.pattern = pattern;
    }

    /** The offending pattern as written. */
    public String pattern() {
        return pattern;
    }
}
