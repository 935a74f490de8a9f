package dev.estiba.cli;

import dev.estiba.format.ImageFormatException;
import dev.estiba.image.CorruptBlobException;
import dev.estiba.store.BlobNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns library exceptions into the CLI's: bad input exits 2, a failed operation exits 1. */
final class Failures {
    private Failures() {
    }

    static RuntimeException of(IOException e) {
        if (e instanceof ImageFormatException || e instanceof BlobNotFoundException) {
            return new InputException("estiba: " + e.getMessage(), e);
        }
        if (e instanceof NoSuchFileException n) {
            return new InputException("estiba: " + n.getFile() + ": no such file or directory", e);
        }
        if (e instanceof AccessDeniedException a) {
            return new CommandFailure("estiba: " + a.getFile() + ": permission denied", e);
        }
        if (e instanceof CorruptBlobException) {
            return new CommandFailure("estiba: " + e.getMessage(), e);
        }
        return new CommandFailure("estiba: " + e.getMessage(), e);
    }

    static RuntimeException of(IllegalArgumentException e) {
        return new InputException("estiba: " + e.getMessage(), e);
    }
}
