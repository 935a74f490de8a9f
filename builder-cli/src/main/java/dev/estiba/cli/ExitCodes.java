package dev.estiba.cli;

/** The exit codes every estiba command uses. */
public final class ExitCodes {
    /** Success: nothing found, build done. */
    public static final int OK = 0;
    /** Lint findings at or above the threshold, or a failed build. */
    public static final int FINDINGS = 1;
    /** Bad usage or bad input (an unreadable file, a parse error). */
    public static final int USAGE = 2;

    private ExitCodes() {
    }

    static int forException(Throwable t) {
        return t instanceof InputException ? USAGE : FINDINGS;
    }
}
