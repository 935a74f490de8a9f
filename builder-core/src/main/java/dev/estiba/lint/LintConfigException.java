package dev.estiba.lint;

/** A configuration file or option that cannot be read, with the file (and line) where known. */
public final class LintConfigException extends RuntimeException {
    public LintConfigException(String message) {
        super(message);
    }

    public LintConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
