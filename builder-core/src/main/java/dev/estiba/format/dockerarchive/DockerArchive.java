package dev.estiba.format.dockerarchive;

import dev.estiba.format.LayoutFiles;
import dev.estiba.format.LayoutTarWriter;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Image;
import dev.estiba.image.ImageJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes docker-save tars in the shape Docker 25+ writes: an OCI image layout (so OCI tools read it) plus
 * {@code manifest.json} with Config and Layers pointing into {@code blobs/} and a {@code repositories} file
 * (so every docker load and podman load read it).
 */
public final class DockerArchive {
    public static final String MANIFEST_FILE = "manifest.json";
    public static final String REPOSITORIES_FILE = "repositories";
    /** The annotation containerd and Docker 25 use for the full image name. */
    public static final String CONTAINERD_IMAGE_NAME = "io.containerd.image.name";

    private DockerArchive() {
    }

    /**
     * Writes one image as a new archive replacing {@code file}.
     *
     * @param reference {@code NAME[:TAG]} for RepoTags ({@code :latest} added when no tag), or null for none
     */
    public static void write(Path file, Image image, String reference) throws IOException {
        String ref = reference == null ? null : withTag(reference);
        Map<String, String> annotations = new TreeMap<>();
        TreeMap<String, TreeMap<String, String>> repositories = new TreeMap<>();
        if (ref != null) {
            int colon = ref.lastIndexOf(':');
            String name = ref.substring(0, colon);
            String tag = ref.substring(colon + 1);
            annotations.put(CONTAINERD_IMAGE_NAME, ref);
            annotations.put(Descriptor.REF_NAME, tag);
            repositories.computeIfAbsent(name, n -> new TreeMap<>()).put(tag, image.id().hex());
        }
        SaveManifestEntry entry = new SaveManifestEntry(LayoutFiles.blobPath(image.config().digest()),
            ref == null ? List.of() : List.of(ref),
            image.layers().stream().map(l -> LayoutFiles.blobPath(l.digest())).toList(), null);
        Map<String, byte[]> extra = new TreeMap<>();
        extra.put(MANIFEST_FILE, ImageJson.write(List.of(entry)));
        extra.put(REPOSITORIES_FILE, ImageJson.write(repositories));
        LayoutTarWriter.write(file,
            List.of(new LayoutTarWriter.Entry(image, LayoutTarWriter.indexEntry(image, annotations))), extra);
    }

    /** {@code NAME} becomes {@code NAME:latest}; a tag after the last slash is kept. */
    static String withTag(String reference) {
        int slash = reference.lastIndexOf('/');
        return reference.indexOf(':', slash + 1) < 0 ? reference + ":latest" : reference;
    }
}
