package dev.estiba.store;

/**
 * What the cache holds: all blobs, the part the named images need, and leftover temporary files.
 */
public record CacheUsage(int blobs, long bytes, int referencedBlobs, long referencedBytes, int temporaryFiles,
                         long temporaryBytes, int images) {
}
