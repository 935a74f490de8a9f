package dev.estiba.layer;

import dev.estiba.image.MediaTypes;
import dev.estiba.layer.compress.Decompression;
import java.util.Locale;

/** How a layer blob is compressed, with the media types that say so. */
public enum CompressionType {
    GZIP(MediaTypes.OCI_LAYER_GZIP, MediaTypes.DOCKER_LAYER_GZIP),
    ZSTD(MediaTypes.OCI_LAYER_ZSTD, MediaTypes.DOCKER_LAYER_ZSTD),
    NONE(MediaTypes.OCI_LAYER, MediaTypes.DOCKER_LAYER);

    private final String ociMediaType;
    private final String dockerMediaType;

    CompressionType(String ociMediaType, String dockerMediaType) {
        this.ociMediaType = ociMediaType;
        this.dockerMediaType = dockerMediaType;
    }

    public String ociMediaType() {
        return ociMediaType;
    }

    public String dockerMediaType() {
        return dockerMediaType;
    }

    /** The layer media type for a manifest of either family. */
    public String mediaType(boolean docker) {
        return docker ? dockerMediaType : ociMediaType;
    }

    /** {@code gzip}, {@code zstd} or {@code none}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code gzip}, {@code zstd} or {@code none}. */
    public static CompressionType fromCliName(String name) {
        for (CompressionType t : values()) {
            if (t.cliName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown compression \"" + name + "\" (expected gzip, zstd or none)");
    }

    /** The compression a layer media type declares, or null when the type is not a layer type we know. */
    public static CompressionType ofMediaType(String mediaType) {
        if (mediaType == null) {
            return null;
        }
        return switch (mediaType) {
            case MediaTypes.OCI_LAYER_GZIP, MediaTypes.DOCKER_LAYER_GZIP, MediaTypes.OCI_LAYER_NONDISTRIBUTABLE_GZIP,
                MediaTypes.DOCKER_FOREIGN_LAYER_GZIP -> GZIP;
            case MediaTypes.OCI_LAYER_ZSTD, MediaTypes.DOCKER_LAYER_ZSTD -> ZSTD;
            case MediaTypes.OCI_LAYER, MediaTypes.DOCKER_LAYER -> NONE;
            default -> null;
        };
    }

    /**
     * The compression the first bytes of a blob show (gzip and zstd magic numbers, as
     * {@link Decompression#detect} tells them), else NONE.
     */
    public static CompressionType sniff(byte[] head, int length) {
        return switch (Decompression.detect(head, length)) {
            case GZIP -> GZIP;
            case ZSTD -> ZSTD;
            case BZIP2, XZ, NONE -> NONE;
        };
    }
}
