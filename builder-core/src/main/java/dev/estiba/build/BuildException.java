package dev.estiba.build;

import dev.estiba.instructions.Origin;

/**
 * A build that cannot finish because of its input: a missing source, an unknown stage or user, a checksum
 * mismatch. The message names the Dockerfile line ({@code Dockerfile:7: COPY failed: ...}); {@link #render()}
 * adds the line itself.
 */
public class BuildException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Origin origin;

    /** An error at an instruction. */
    public BuildException(Origin origin, String message, Throwable cause) {
        super(origin == null ? message : origin.location() + ": " + message, cause);
        this.origin = origin;
    }

    /** An error with no instruction to name. */
    public BuildException(String message, Throwable cause) {
        this(null, message, cause);
    }

    /** The instruction, when there is one. */
    public Origin origin() {
        return origin;
    }

    /** The message, then the Dockerfile line with its number, as buildx shows it. */
    public String render() {
        if (origin == null) {
            return getMessage();
        }
        StringBuilder b = new StringBuilder(getMessage()).append('\n');
        int n = origin.lineNumber();
        for (String line : origin.original().split("\n", -1)) {
            b.append(String.format(" %4d | %s%n", n++, line));
        }
        return b.toString().stripTrailing();
    }
}
