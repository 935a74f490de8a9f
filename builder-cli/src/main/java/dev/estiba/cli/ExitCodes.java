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

    /**
     * {@link #forException} as picocli's mapper: a class, not a method reference, because JDK 17's
     * class-data-sharing archive cannot hold a lambda of a picocli interface (picocli's classes are Java 5
     * class files), and making one at run time costs more than the rest of the mapping.
     */
    static final class Mapper implements picocli.CommandLine.IExitCodeExceptionMapper {
        @Override
        public int getExitCode(Throwable t) {
            return forException(t);
        }
    }
}
