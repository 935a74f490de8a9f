package dev.estiba.cli;

import dev.estiba.image.Digest;
import dev.estiba.image.Image;
import dev.estiba.image.ImageTree;
import dev.estiba.image.Platform;
import dev.estiba.registry.BlobDirectory;
import dev.estiba.registry.ImagePuller;
import dev.estiba.registry.ImagePusher;
import dev.estiba.registry.ImageTreePuller;
import dev.estiba.registry.ImageReference;
import dev.estiba.registry.PulledImage;
import dev.estiba.registry.RegistryClient;
import dev.estiba.registry.RemoteManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code docker://REF}, skopeo's name for an image in a registry, as a source or destination of convert. */
final class RegistryLocation {
    static final String PREFIX = "docker://";

    private RegistryLocation() {
    }

    static boolean is(String location) {
        return location.startsWith(PREFIX);
    }

    /** Pulls one platform's image into the content store at cacheRoot and returns it. */
    static Image pull(String location, Platform platform, RegistryFlags flags, Path cacheRoot, PrintWriter err)
        throws IOException {
        Map<String, String> env = System.getenv();
        ImageReference ref = ImageReference.parse(location.substring(PREFIX.length()));
        RegistryClient client = RegistryClient.create(flags.options(env), flags.credentials(env),
            new RegistryProgress(err, false));
        BlobDirectory blobs = new BlobDirectory(cacheRoot);
        PulledImage pulled = new ImagePuller(client).pull(ref, platform, blobs);
        return pulled.image(blobs);
    }

    /** Pulls everything the reference names (every platform of an index) into the content store at cacheRoot. */
    static ImageTree pullTree(String location, RegistryFlags flags, Path cacheRoot, PrintWriter err)
        throws IOException {
        Map<String, String> env = System.getenv();
        ImageReference ref = ImageReference.parse(location.substring(PREFIX.length()));
        RegistryProgress progress = new RegistryProgress(err, false);
        RegistryClient client = RegistryClient.create(flags.options(env), flags.credentials(env), progress);
        BlobDirectory blobs = new BlobDirectory(cacheRoot);
        RemoteManifest top = new ImageTreePuller(client, progress).pull(ref, blobs);
        return ImageTree.read(top.bytes(), blobs, location);
    }

    /** Pushes a whole image tree (children first, the index last, exact bytes) and returns its digest. */
    static Digest push(ImageTree tree, String location, RegistryFlags flags, PrintWriter err) throws IOException {
        Map<String, String> env = System.getenv();
        ImageReference ref = ImageReference.parse(location.substring(PREFIX.length()));
        RegistryClient client = RegistryClient.create(flags.options(env), flags.credentials(env),
            new RegistryProgress(err, false));
        return new ImagePusher(client).push(tree.top().bytes(), tree.mediaType(), tree.blobs(), List.of(ref), null);
    }

    /** Pushes an image and returns the digest the registry stored it under. */
    static Digest push(Image image, String location, RegistryFlags flags, PrintWriter err) throws IOException {
        Map<String, String> env = System.getenv();
        ImageReference ref = ImageReference.parse(location.substring(PREFIX.length()));
        RegistryClient client = RegistryClient.create(flags.options(env), flags.credentials(env),
            new RegistryProgress(err, false));
        return new ImagePusher(client).push(image, List.of(ref), null);
    }
}
