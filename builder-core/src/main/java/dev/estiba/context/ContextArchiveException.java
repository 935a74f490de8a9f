package dev.estiba.context;

/** A context tar (from standard input) that estiba refuses: not a tar, or an entry that would escape. */
public final class ContextArchiveException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the entry where there is one */
    public ContextArchiveException(String message) {
        super(message);
    }
}
