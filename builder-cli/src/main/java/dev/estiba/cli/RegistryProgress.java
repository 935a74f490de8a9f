package dev.estiba.cli;

import dev.estiba.registry.RegistryEvent;
import java.io.PrintWriter;
import java.util.function.Consumer;

/** Prints registry events as progress lines on stderr, one per blob and per retry. */
final class RegistryProgress implements Consumer<RegistryEvent> {
    private final PrintWriter err;
    private final boolean quiet;

    RegistryProgress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public synchronized void accept(RegistryEvent event) {
        String line = null;
        if (event instanceof RegistryEvent.BlobDone d) {
            line = d.digest().shortHex() + ": " + switch (d.outcome()) {
                case DOWNLOADED -> "downloaded (" + d.size() + " bytes)";
                case ALREADY_LOCAL -> "already present";
                case UPLOADED -> "uploaded (" + d.size() + " bytes)";
                case ALREADY_IN_REGISTRY -> "already in the registry";
                case MOUNTED -> "mounted from another repository";
            };
        } else if (event instanceof RegistryEvent.Retrying r) {
            line = r.operation() + ": " + r.reason() + "; retrying in " + r.delay().toMillis() + " ms (attempt "
                + r.attempt() + " of " + r.maxAttempts() + ")";
        } else if (event instanceof RegistryEvent.ManifestPushed m) {
            line = "manifest " + m.digest() + " pushed to " + m.reference();
        }
        // Retries are always shown: they explain a slow run.
        if (line != null && (!quiet || event instanceof RegistryEvent.Retrying)) {
            err.println(line);
            err.flush();
        }
    }
}
