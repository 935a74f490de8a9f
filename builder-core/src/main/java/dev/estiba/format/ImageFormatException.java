package dev.estiba.format;

import java.io.IOException;

/** An image source or destination that is not what its transport says: a missing file, a bad index, no tag. */
public class ImageFormatException extends IOException {
    public ImageFormatException(String message) {
        super(message);
    }

    public ImageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
