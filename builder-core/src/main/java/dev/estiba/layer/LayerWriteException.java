package dev.estiba.layer;

import java.io.IOException;

/** A layer could not be written: a source changed or could not be read, or the destination failed. */
public class LayerWriteException extends IOException {
    public LayerWriteException(String message) {
        super(message);
    }

    public LayerWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
