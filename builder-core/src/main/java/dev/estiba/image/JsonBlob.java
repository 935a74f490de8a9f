package dev.estiba.image;

import java.util.Arrays;

/**
 * A JSON document together with its exact bytes. A document read from somewhere keeps the bytes it was read
 * from, so its digest is never recomputed from a re-serialization; a new one gets canonical bytes.
 *
 * @param <T> the model type
 */
public final class JsonBlob<T> {
    private final T value;
    private final byte[] bytes;
    private final Digest digest;

    private JsonBlob(T value, byte[] bytes) {
        this.value = value;
        this.bytes = bytes;
        this.digest = Digest.sha256(bytes);
    }

    /** A new document in canonical form. */
    public static <T> JsonBlob<T> of(T value) {
        return new JsonBlob<>(value, ImageJson.write(value));
    }

    /** A document read from these exact bytes. */
    public static <T> JsonBlob<T> read(T value, byte[] bytes) {
        return new JsonBlob<>(value, bytes.clone());
    }

    public T value() {
        return value;
    }

    /** A copy of the exact bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public long size() {
        return bytes.length;
    }

    public Digest digest() {
        return digest;
    }

    /** A descriptor of these bytes with a media type. */
    public Descriptor descriptor(String mediaType) {
        return new Descriptor(mediaType, digest, bytes.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonBlob<?> b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        return digest.hashCode();
    }

    @Override
    public String toString() {
        return "JsonBlob[" + digest + ", " + bytes.length + " bytes]";
    }
}
