package dev.estiba.registry;

import dev.estiba.image.Digest;
import java.time.Duration;

/** What a registry client reports while it works; the CLI turns these into progress lines. */
public sealed interface RegistryEvent {

    /** A blob transfer begins. */
    record BlobStarted(String repository, Digest digest, long size, boolean upload) implements RegistryEvent {
    }

    /**
     * Bytes of a blob transfer so far: sent every {@link #PROGRESS_STEP} bytes and at the end.
     *
     * @param done bytes transferred
     * @param size the blob's size
     */
    record BlobProgress(String repository, Digest digest, long done, long size, boolean upload)
        implements RegistryEvent {
    }

    /** Bytes between two {@link BlobProgress} events. */
    long PROGRESS_STEP = 1L << 20;

    /** A blob is done, and how. */
    record BlobDone(String repository, Digest digest, long size, BlobOutcome outcome) implements RegistryEvent {
    }

    /** An operation failed in a way worth retrying, and will be tried again after a delay. */
    record Retrying(String operation, int attempt, int maxAttempts, Duration delay, String reason)
        implements RegistryEvent {
    }

    /** A manifest was stored in the registry. */
    record ManifestPushed(ImageReference reference, Digest digest) implements RegistryEvent {
    }
}
