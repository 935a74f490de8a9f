package dev.estiba.registry;

/** How a blob got where it had to be. */
public enum BlobOutcome {
    /** Downloaded and verified. */
    DOWNLOADED,
    /** Already in the local store or layout: not downloaded. */
    ALREADY_LOCAL,
    /** Uploaded. */
    UPLOADED,
    /** The registry already had it in the repository: not uploaded. */
    ALREADY_IN_REGISTRY,
    /** Mounted from another repository of the same registry: not uploaded. */
    MOUNTED
}
