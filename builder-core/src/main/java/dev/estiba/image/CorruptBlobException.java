package dev.estiba.image;

import java.io.IOException;

/** A blob whose bytes do not match its digest (or its declared size). */
public class CorruptBlobException extends IOException {
    public CorruptBlobException(String message) {
        super(message);
    }
}
