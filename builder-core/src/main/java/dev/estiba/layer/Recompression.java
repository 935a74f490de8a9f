package dev.estiba.layer;

import dev.estiba.image.Digest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Re-encodes a layer blob with another compression in one pass: decompress, hash the tar (diff id), compress,
 * hash the new blob, into a temporary file renamed to its digest in the target directory. The diff id is
 * checked against the expected one, so a damaged layer is never written under a good name.
 */
public final class Recompression {
    private Recompression() {
    }

    /**
     * @param blob the layer's current bytes
     * @param from their compression
     * @param to the compression to write
     * @param expectedDiffId the config's diff id for this layer, or null to skip the check
     * @param directory where the new blob goes, named by its digest's hex
     */
    public static WrittenLayer recompress(InputStream blob, CompressionType from, Compression to, Digest expectedDiffId,
                                          Path directory) throws IOException {
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, ".layer-", ".tmp");
        try {
            Digest digest;
            long size;
            Digest diffId;
            long diffSize;
            try (OutputStream file = Files.newOutputStream(temp);
                 InputStream tar = Compression.decompress(from, blob)) {
                HashingOutputStream compressed = new HashingOutputStream(new BufferedOutputStream(file, 256 * 1024));
                OutputStream compressor = to.compress(compressed);
                HashingOutputStream plain = new HashingOutputStream(compressor);
                tar.transferTo(plain);
                compressor.close();
                compressed.close();
                digest = compressed.digest();
                size = compressed.count();
                diffId = plain.digest();
                diffSize = plain.count();
            }
            if (expectedDiffId != null && !expectedDiffId.equals(diffId)) {
                throw new LayerWriteException("layer decompresses to " + diffId + " but the config expects "
                    + expectedDiffId);
            }
            Path target = directory.resolve(digest.hex());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new WrittenLayer(digest, size, diffId, diffSize, to.type(), target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
