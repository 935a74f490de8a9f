package dev.estiba.cli;

import dev.estiba.registry.InvalidReferenceException;
import dev.estiba.registry.RegistryException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns library failures of the registry commands into the CLI's exceptions. */
final class RegistryErrors {
    private RegistryErrors() {
    }

    /** A registry command's body. */
    @FunctionalInterface
    interface Body {
        void run() throws IOException;
    }

    static void run(Body body) {
        try {
            body.run();
        } catch (InvalidReferenceException e) {
            throw Failures.of(e);
        } catch (RegistryException e) {
            throw new CommandFailure("estiba: " + e.getMessage(), e);
        } catch (IOException e) {
            throw Failures.of(e);
        } catch (UncheckedIOException e) {
            throw Failures.of(e.getCause());
        }
    }
}
