package dev.estiba.registry;

/** An image reference that does not parse: the message quotes it and says what is wrong. */
public final class InvalidReferenceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidReferenceException(String message) {
        super(message);
    }
}
