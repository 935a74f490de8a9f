package dev.estiba.cli;

/** Bad input from the user (a missing file, a parse error): reported without a stack trace, exit code 2. */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
