package dev.estiba.instructions;

/**
 * An instruction that cannot be used as written: a bad flag or value, a wrong argument count, a
 * failed expansion. The message is {@code <file>:<line>: <detail>}.
 */
public final class InstructionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Origin origin;
    private final String detail;

    public InstructionException(Origin origin, String detail) {
        this(origin, detail, null);
    }

    public InstructionException(Origin origin, String detail, Throwable cause) {
        super(origin.location() + ": " + detail, cause);
        this.origin = origin;
        this.detail = detail;
    }

    /** The instruction at fault. */
    public Origin origin() {
        return origin;
    }

    /** The message without the location. */
    public String detail() {
        return detail;
    }

    /** The 1-based line of the instruction. */
    public int line() {
        return origin.lineNumber();
    }
}
