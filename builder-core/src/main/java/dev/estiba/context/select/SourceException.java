package dev.estiba.context.select;

/** A COPY or ADD source that cannot be selected from the context. */
public abstract class SourceException extends Exception {
    private static final long serialVersionUID = 1L;

    SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
