package dev.estiba.store;

import dev.estiba.image.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** {@code cache du} and {@code cache prune} over a blob store and its image table. */
public final class CacheMaintenance {
    /** Temporary files younger than this may belong to a running writer and are never pruned. */
    public static final Duration TEMPORARY_GRACE = Duration.ofHours(1);

    private final ImageStore images;

    public CacheMaintenance(ImageStore images) {
        this.images = images;
    }

    /** The space the cache uses. */
    public CacheUsage usage() throws IOException {
        BlobStore blobs = images.blobs();
        Set<Digest> reachable = images.reachable();
        int count = 0;
        int referenced = 0;
        long bytes = 0;
        long referencedBytes = 0;
        for (BlobStore.BlobInfo b : blobs.list()) {
            count++;
            bytes += b.size();
            if (reachable.contains(b.digest())) {
                referenced++;
                referencedBytes += b.size();
            }
        }
        List<Path> temps = blobs.temporaryFiles();
        long tempBytes = 0;
        for (Path t : temps) {
            tempBytes += Files.size(t);
        }
        return new CacheUsage(count, bytes, referenced, referencedBytes, temps.size(), tempBytes,
            images.list().size());
    }

    /** What a prune removed. */
    public record Pruned(int blobs, long bytes) {
    }

    /**
     * Removes blobs that no named image needs and that were last used longer than {@code keep} ago, and
     * temporary files older than {@link #TEMPORARY_GRACE}. Blobs of named images are always kept.
     */
    public Pruned prune(Duration keep) throws IOException {
        BlobStore blobs = images.blobs();
        Instant now = blobs.clock().instant();
        return images.locked(() -> {
            Set<Digest> reachable = images.reachable();
            int removed = 0;
            long bytes = 0;
            for (BlobStore.BlobInfo b : blobs.list()) {
                if (!reachable.contains(b.digest()) && b.lastUsed().plus(keep).isBefore(now)
                    && blobs.delete(b.digest())) {
                    removed++;
                    bytes += b.size();
                }
            }
            for (Path t : blobs.temporaryFiles()) {
                if (Files.getLastModifiedTime(t).toInstant().plus(TEMPORARY_GRACE).isBefore(now)) {
                    long size = Files.size(t);
                    if (Files.deleteIfExists(t)) {
                        removed++;
                        bytes += size;
                    }
                }
            }
            return new Pruned(removed, bytes);
        });
    }
}
