package dev.estiba.context.select;

import dev.estiba.context.pattern.BadPatternException;

/** A source or {@code --exclude} pattern that Go's {@code filepath.Match} syntax rejects. */
public final class SourcePatternException extends SourceException {
    private static final long serialVersionUID = 1L;

    /**
     * @param what  {@code source "x["} or {@code --exclude "x["}
     * @param cause the syntax error
     */
    public SourcePatternException(String what, BadPatternException cause) {
        super(what + ": " + cause.getMessage(), cause);
    }
}
