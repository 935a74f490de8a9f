package dev.estiba.cli;

/** A command that ran and failed (findings, a failed build): message only, exit code 1. */
public class CommandFailure extends RuntimeException {
    public CommandFailure(String message) {
        super(message);
    }

    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
