package dev.estiba.cli;

import picocli.CommandLine;

/**
 * Reports an exception thrown by a command. Expected failures (bad input, a failed build) get their
 * message only; anything else is a bug and keeps its stack trace.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        if (ex instanceof InputException || ex instanceof CommandFailure) {
            cl.getErr().println(ex.getMessage());
        } else {
            cl.getErr().println("estiba: internal error: " + ex);
            ex.printStackTrace(cl.getErr());
        }
        cl.getErr().flush();
        return ExitCodes.forException(ex);
    }
}
