package dev.estiba.cli;

import dev.estiba.format.ImageTransports;
import dev.estiba.format.NamedImage;
import dev.estiba.format.OpenedSource;
import dev.estiba.format.OpenedTree;
import dev.estiba.format.Transport;
import dev.estiba.image.Digest;
import dev.estiba.image.ImageTree;
import dev.estiba.image.Platform;
import dev.estiba.store.BlobStore;
import dev.estiba.store.ImageStore;
import dev.estiba.store.StoredImages;
import java.io.IOException;
import java.util.List;

/** Opens an image named on the command line: a transport location, or a name or id in the local store. */
final class ImageLocator {
    private ImageLocator() {
    }

    static boolean isTransport(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String prefix = text.substring(0, colon);
        for (Transport.Kind k : Transport.Kind.values()) {
            if (k.prefix().equals(prefix)) {
                return true;
            }
        }
        return false;
    }

    static OpenedSource open(String text, CacheDirOption cache) {
        return open(text, cache, null);
    }

    /** Opens {@code text}; {@code platform} ({@code os/arch[/variant]}, or null) picks from a multi-platform index. */
    static OpenedSource open(String text, CacheDirOption cache, String platform) {
        try {
            if (isTransport(text)) {
                return ImageTransports.read(Transport.parse(text), platform == null ? null : Platform.parse(platform));
            }
            ImageStore images = cache.images();
            Digest manifest = images.resolve(text);
            if (manifest == null) {
                throw new InputException("estiba: no image \"" + text + "\" in the local store (" + cache.root()
                    + "); load one with estiba load, or name a location such as oci:DIR:TAG");
            }
            String name = tagged(images, text);
            return new OpenedSource(text, List.of(new NamedImage(name,
                StoredImages.read(images.blobs(), manifest))), null);
        } catch (IllegalArgumentException e) {
            throw Failures.of(e);
        } catch (IOException e) {
            throw Failures.of(e);
        }
    }

    /** Opens everything {@code text} names, whole: a multi-platform index with every platform, or one image. */
    static OpenedTree openTree(String text, CacheDirOption cache) {
        try {
            if (isTransport(text)) {
                return ImageTransports.readTree(Transport.parse(text));
            }
            ImageStore images = cache.images();
            Digest manifest = images.resolve(text);
            if (manifest == null) {
                throw new InputException("estiba: no image \"" + text + "\" in the local store (" + cache.root()
                    + "); load one with estiba load, or name a location such as oci:DIR:TAG");
            }
            BlobStore blobs = images.blobs();
            return new OpenedTree(text, tagged(images, text), ImageTree.read(blobs.read(manifest), blobs::open, text),
                null);
        } catch (IllegalArgumentException e) {
            throw Failures.of(e);
        } catch (IOException e) {
            throw Failures.of(e);
        }
    }

    /** The stored name {@code text} stands for, or null when it matched an id. */
    private static String tagged(ImageStore images, String text) throws IOException {
        try {
            String name = ImageStore.normalize(text);
            return images.list().containsKey(name) ? name : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
