package dev.estiba.build;

import dev.estiba.format.ImageTransports;
import dev.estiba.format.OpenedSource;
import dev.estiba.format.Transport;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import dev.estiba.image.ExecutionConfig;
import dev.estiba.image.Image;
import dev.estiba.image.ImageConfig;
import dev.estiba.layer.CompressionType;
import dev.estiba.store.ImageStore;
import dev.estiba.store.StoredImages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds what a FROM (or {@code COPY --from}) names outside the Dockerfile: {@code scratch}, a
 * {@code --build-context} name, {@code oci-layout://DIR[:TAG|@DIGEST]}, {@code docker-archive://FILE}, or an image
 * of the local store. Each image is copied into the store, so every blob a build uses is there.
 */
final class BaseImages {
    static final String OCI_LAYOUT = "oci-layout://";
    static final String DOCKER_ARCHIVE = "docker-archive://";
    static final String DOCKER_IMAGE = "docker-image://";

    private final ImageStore images;
    private final Map<String, String> namedContexts;
    private final RegistryPulls registry;

    BaseImages(ImageStore images, Map<String, String> namedContexts) {
        this(images, namedContexts, null);
    }

    /** Base images that also come from registries, through {@code registry} (null: the local store only). */
    BaseImages(ImageStore images, Map<String, String> namedContexts, RegistryPulls registry) {
        this.images = images;
        this.namedContexts = namedContexts;
        this.registry = registry;
    }

    /** BuildKit's empty image: PATH in the environment, {@code /} as working directory. */
    static StageImage scratch(dev.estiba.plan.Platform p) {
        ImageConfig c = ImageConfig.empty(new dev.estiba.image.Platform(p.os(), p.architecture(),
                p.variant().isEmpty() ? null : p.variant()))
            .withConfig(ExecutionConfig.EMPTY.withEnv(List.of("PATH=" + pathDefault())).withWorkingDir("/"));
        return new StageImage(c, List.of(), StepCache.key("scratch", p.toString()));
    }

    static String pathDefault() {
        return "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    }

    /** The named context's source for a name, if {@code --build-context} gave one. */
    String namedContext(String name) {
        return namedContexts.get(name);
    }

    /**
     * The image a reference names.
     *
     * @throws IllegalArgumentException with a message saying why it cannot be found
     */
    StageImage resolve(String reference) throws IOException {
        String ref = reference;
        String named = namedContexts.get(reference);
        if (named != null) {
            ref = named.startsWith(DOCKER_IMAGE) ? named.substring(DOCKER_IMAGE.length()) : named;
        }
        if (ref.startsWith(OCI_LAYOUT)) {
            String rest = ref.substring(OCI_LAYOUT.length());
            String tag = null;
            int at = rest.lastIndexOf('@');
            int colon = rest.lastIndexOf(':');
            if (at > 0) {
                tag = rest.substring(at + 1);
                rest = rest.substring(0, at);
                return fromLayoutDigest(rest, tag);
            }
            if (colon > rest.lastIndexOf('/')) {
                tag = rest.substring(colon + 1);
                rest = rest.substring(0, colon);
            }
            return fromTransport(new Transport(Transport.Kind.OCI, rest, tag));
        }
        if (ref.startsWith(DOCKER_ARCHIVE)) {
            return fromTransport(new Transport(Transport.Kind.DOCKER_ARCHIVE, ref.substring(DOCKER_ARCHIVE.length()), null));
        }
        if (named != null && !named.startsWith(DOCKER_IMAGE)) {
            throw new IllegalArgumentException("build context \"" + reference + "\" is a directory, not an image");
        }
        Digest d = null;
        if (registry == null || !registry.always()) {
            try {
                d = images.resolve(ref);
            } catch (IllegalArgumentException e) {
                d = null;
            }
        }
        if (d == null && registry != null) {
            d = registry.pull(ref, images);
        }
        if (d == null) {
            throw new IllegalArgumentException("image \"" + ref + "\" is not in the local store; estiba build does "
                + "not pull from registries: run estiba pull " + ref + " first");
        }
        Image image = StoredImages.read(images.blobs(), d);
        return of(image, d);
    }

    private StageImage fromLayoutDigest(String dir, String digest) throws IOException {
        var reader = dev.estiba.format.ocilayout.OciLayoutReader.open(
            new dev.estiba.format.DirectoryFiles(java.nio.file.Path.of(dir), "oci-layout://" + dir));
        for (Descriptor d : reader.index().manifests()) {
            if (d.digest().toString().equals(digest)) {
                return copyIn(reader.image(d));
            }
        }
        throw new IllegalArgumentException("oci-layout://" + dir + ": no image with digest " + digest);
    }

    private StageImage fromTransport(Transport t) throws IOException {
        try (OpenedSource src = ImageTransports.read(t)) {
            return copyIn(src.only().image());
        }
    }

    private StageImage copyIn(Image image) throws IOException {
        Digest d = StoredImages.put(images.blobs(), image);
        return of(StoredImages.read(images.blobs(), d), d);
    }

    private static StageImage of(Image image, Digest manifest) {
        List<Descriptor> layers = new ArrayList<>();
        for (Descriptor l : image.layers()) {
            CompressionType t = CompressionType.ofMediaType(l.mediaType());
            layers.add(new Descriptor(t == null ? l.mediaType() : t.ociMediaType(), l.digest(), l.size()));
        }
        ImageConfig c = image.config().value();
        ExecutionConfig ec = c.executionConfig();
        if (ec.env() == null || ec.env().stream().noneMatch(e -> e.startsWith("PATH="))) {
            List<String> env = new ArrayList<>(ec.env() == null ? List.of() : ec.env());
            env.add(0, "PATH=" + pathDefault());
            ec = ec.withEnv(env);
        }
        return new StageImage(c.withConfig(ec), layers, StepCache.key("image", manifest.toString()));
    }
}
