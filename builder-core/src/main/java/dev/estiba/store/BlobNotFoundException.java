package dev.estiba.store;

import dev.estiba.image.Digest;
import java.io.IOException;

/** A blob the store does not hold. */
public class BlobNotFoundException extends IOException {
    private final transient Digest digest;

    public BlobNotFoundException(Digest digest, String where) {
        super("blob " + digest + " not found in " + where);
        this.digest = digest;
    }

    public Digest digest() {
        return digest;
    }
}
