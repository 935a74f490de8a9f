package dev.estiba.format;

import dev.estiba.image.ImageTree;
import java.io.Closeable;
import java.io.IOException;

/**
 * A whole image tree read from a transport, usable until closed (archive blobs are read in place).
 *
 * @param describe the source as the user named it
 * @param name the name the source gives the image ({@code NAME:TAG}), or null
 */
public record OpenedTree(String describe, String name, ImageTree tree, Closeable resource) implements Closeable {
    @Override
    public void close() throws IOException {
        if (resource != null) {
            resource.close();
        }
    }
}
