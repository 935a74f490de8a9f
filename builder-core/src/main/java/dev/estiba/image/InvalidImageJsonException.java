package dev.estiba.image;

/** A manifest, index or config that is not valid JSON of the expected shape. */
public class InvalidImageJsonException extends IllegalArgumentException {
    public InvalidImageJsonException(String message) {
        super(message);
    }
}
