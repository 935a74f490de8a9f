package dev.estiba.instructions;

import java.util.List;

/** The command of RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD: exec form or shell form. */
public sealed interface Command {
    /** A JSON array, run without a shell. */
    record Exec(List<String> args) implements Command {
        public Exec {
            args = List.copyOf(args);
        }
    }

    /** Text handed to the stage's SHELL as its last argument, exactly as written. */
    record Shell(String text) implements Command {
    }
}
