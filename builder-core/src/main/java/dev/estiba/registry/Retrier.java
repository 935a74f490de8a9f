package dev.estiba.registry;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Runs one registry operation (a blob, a manifest) again after connection errors and 5xx answers, waiting
 * twice as long each time. jib-core has no retries of its own beyond google-http-client's replay of a request,
 * which can corrupt an upload (jib#4526); here a retry always starts the operation over.
 */
final class Retrier {

    /** A failure worth another attempt. */
    static final class RetryableException extends IOException {
        private static final long serialVersionUID = 1L;
        private final RegistryException.Kind kindIfFinal;

        RetryableException(RegistryException.Kind kindIfFinal, String message, Throwable cause) {
            super(message, cause);
            this.kindIfFinal = kindIfFinal;
        }
    }

    /** An operation that may be attempted several times. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws IOException;
    }

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Consumer<RegistryEvent> events;

    Retrier(int maxAttempts, Duration initialBackoff, Consumer<RegistryEvent> events) {
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.events = events;
    }

    /**
     * Runs the operation until it succeeds, fails for good, or has failed {@code maxAttempts} times.
     *
     * @param what names the operation in events and in the final error ("pull 127.0.0.1:5000/a/b:1")
     */
    <T> T run(String what, Attempt<T> attempt) throws IOException {
        long delay = initialBackoff.toMillis();
        for (int n = 1; ; n++) {
            try {
                return attempt.run();
            } catch (RegistryException e) {
                // Errors from below (auth, TLS) learn which operation they stopped.
                if (e.getMessage() != null && e.getMessage().startsWith(what + ": ")) {
                    throw e;
                }
                throw new RegistryException(e.kind(), what + ": " + e.getMessage(), e);
            } catch (RetryableException e) {
                if (n >= maxAttempts) {
                    throw new RegistryException(e.kindIfFinal, what + ": " + e.getMessage()
                        + " (gave up after " + n + " attempts)", e);
                }
                events.accept(new RegistryEvent.Retrying(what, n + 1, maxAttempts, Duration.ofMillis(delay),
                    e.getMessage()));
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException(what + ": interrupted");
                }
                delay *= 2;
            }
        }
    }
}
