package dev.estiba.format;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Images read from a transport, usable until closed (archive blobs are read in place).
 *
 * @param describe the source as the user named it
 * @param images the images, in the source's order
 */
public record OpenedSource(String describe, List<NamedImage> images, Closeable resource) implements Closeable {

    /** The single image asked for. */
    public NamedImage only() {
        return images.get(0);
    }

    @Override
    public void close() throws IOException {
        if (resource != null) {
            resource.close();
        }
    }
}
