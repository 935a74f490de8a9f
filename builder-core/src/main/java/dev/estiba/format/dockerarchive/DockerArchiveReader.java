package dev.estiba.format.dockerarchive;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.estiba.format.ImageFormatException;
import dev.estiba.format.ImageReading;
import dev.estiba.format.TarFiles;
import dev.estiba.format.ocilayout.OciLayout;
import dev.estiba.format.ocilayout.OciLayoutReader;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import dev.estiba.image.Image;
import dev.estiba.image.ImageConfig;
import dev.estiba.image.ImageJson;
import dev.estiba.image.ImageManifest;
import dev.estiba.image.JsonBlob;
import dev.estiba.image.Manifest;
import dev.estiba.image.MediaTypes;
import dev.estiba.layer.CompressionType;
import dev.estiba.layer.HashingOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a docker-save tar in either shape. {@code manifest.json} says which config and layers make each image;
 * when the tar is also an OCI layout (Docker 25+, and what estiba writes) the layout's manifest is used as is,
 * so its digest is kept. In the legacy shape ({@code ID/layer.tar}) a Docker v2.2 manifest is made from the
 * layers, whose digests are computed in one read each.
 */
public final class DockerArchiveReader implements Closeable {
    private static final TypeReference<List<SaveManifestEntry>> ENTRIES = new TypeReference<>() {
    };

    private final TarFiles files;
    private final List<SaveManifestEntry> entries;

    private DockerArchiveReader(TarFiles files, List<SaveManifestEntry> entries) {
        this.files = files;
        this.entries = entries;
    }

    /** Opens a docker-save tar (optionally gzip- or zstd-compressed). Read images only while it is open. */
    public static DockerArchiveReader open(java.nio.file.Path file) throws IOException {
        return open(TarFiles.open(file, "docker-archive:" + file));
    }

    /** Reads a docker-save tar already opened; closing the reader closes {@code files}. */
    public static DockerArchiveReader open(TarFiles files) throws IOException {
        try {
            if (!files.exists(DockerArchive.MANIFEST_FILE)) {
                throw new ImageFormatException(files.describe() + ": not a docker-save archive (no manifest.json)");
            }
            List<SaveManifestEntry> entries;
            try {
                entries = ImageJson.mapper().readValue(
                    files.readSmall(DockerArchive.MANIFEST_FILE, ImageReading.MAX_JSON), ENTRIES);
            } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
                throw new ImageFormatException(files.describe()
                    + ": manifest.json: expected an array of {Config, RepoTags, Layers}");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new ImageFormatException(files.describe() + ": manifest.json: " + e.getOriginalMessage());
            }
            if (entries == null || entries.isEmpty()) {
                throw new ImageFormatException(files.describe() + ": manifest.json lists no images");
            }
            return new DockerArchiveReader(files, entries);
        } catch (IOException | RuntimeException e) {
            files.close();
            throw e;
        }
    }

    public List<SaveManifestEntry> entries() {
        return entries;
    }

    /** Every RepoTag in the archive, in order. */
    public List<String> tags() {
        return entries.stream().flatMap(e -> e.repoTags().stream()).toList();
    }

    /** The entry tagged {@code reference} ({@code NAME:TAG}); with null, the only entry. */
    public SaveManifestEntry find(String reference) throws ImageFormatException {
        if (reference == null) {
            if (entries.size() != 1) {
                throw new ImageFormatException(files.describe() + ": holds " + entries.size()
                    + " images; name one with :NAME:TAG (tags: " + String.join(", ", tags()) + ")");
            }
            return entries.get(0);
        }
        String wanted = familiar(reference);
        for (SaveManifestEntry e : entries) {
            if (e.repoTags().stream().map(DockerArchiveReader::familiar).anyMatch(wanted::equals)) {
                return e;
            }
        }
        throw new ImageFormatException(files.describe() + ": no image tagged \"" + reference + "\" (tags: "
            + String.join(", ", tags()) + ")");
    }

    /**
     * A name as docker shows it: {@code docker.io/library/} and {@code docker.io/} dropped, {@code :latest}
     * added when there is no tag (skopeo writes {@code docker.io/x/y:1} for {@code x/y:1}).
     */
    static String familiar(String reference) {
        String r = reference;
        if (r.startsWith("docker.io/library/")) {
            r = r.substring("docker.io/library/".length());
        } else if (r.startsWith("docker.io/")) {
            r = r.substring("docker.io/".length());
        }
        int slash = r.lastIndexOf('/');
        return r.indexOf(':', slash + 1) < 0 ? r + ":latest" : r;
    }

    /** The image tagged {@code reference} (or the only one). */
    public Image image(String reference) throws IOException {
        return image(find(reference));
    }

    /** The image one manifest.json entry describes. */
    public Image image(SaveManifestEntry entry) throws IOException {
        String where = files.describe();
        if (entry.config() == null) {
            throw new ImageFormatException(where + ": manifest.json entry has no Config");
        }
        byte[] configBytes = files.readSmall(entry.config(), ImageReading.MAX_JSON);
        Digest configDigest = Digest.sha256(configBytes);
        Image fromLayout = fromLayout(configDigest);
        if (fromLayout != null) {
            return fromLayout;
        }
        ImageConfig config;
        try {
            config = ImageConfig.parse(configBytes, where + ": " + entry.config());
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException(e.getMessage(), e);
        }
        Map<Digest, String> paths = new HashMap<>();
        paths.put(configDigest, entry.config());
        List<Descriptor> layers = new ArrayList<>();
        List<Digest> diffIds = config.rootfs().diffIds();
        for (int i = 0; i < entry.layers().size(); i++) {
            String path = entry.layers().get(i);
            Descriptor layer = describeLayer(path);
            if (layer.mediaType().equals(MediaTypes.DOCKER_LAYER) && i < diffIds.size()
                && !layer.digest().equals(diffIds.get(i))) {
                throw new ImageFormatException(where + ": layer " + path + " has digest " + layer.digest()
                    + " but the config's diff id " + (i + 1) + " is " + diffIds.get(i));
            }
            paths.put(layer.digest(), path);
            layers.add(layer);
        }
        ImageManifest manifest = ImageManifest.docker(
            new Descriptor(MediaTypes.DOCKER_CONFIG, configDigest, configBytes.length), layers);
        try {
            return new Image(JsonBlob.of(manifest), JsonBlob.read(config, configBytes), digest -> {
                String p = paths.get(digest);
                if (p == null) {
                    throw new ImageFormatException(where + ": missing blob " + digest);
                }
                return files.open(p);
            });
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException(where + ": " + e.getMessage(), e);
        }
    }

    /**
     * The layout's image with this config, when the archive is also an OCI layout that has one. Docker with the
     * containerd store saves a multi-platform index there, so indexes are searched one level down.
     */
    private Image fromLayout(Digest configDigest) throws IOException {
        if (!files.exists(OciLayout.LAYOUT_FILE) || !files.exists(OciLayout.INDEX_FILE)) {
            return null;
        }
        OciLayoutReader layout = OciLayoutReader.open(files);
        java.util.Deque<Descriptor> todo = new java.util.ArrayDeque<>(layout.index().manifests());
        int budget = 256;
        while (!todo.isEmpty() && budget-- > 0) {
            Descriptor d = todo.pop();
            if (!files.exists(dev.estiba.format.LayoutFiles.blobPath(d.digest()))) {
                continue;
            }
            byte[] bytes = ImageReading.readJsonBlob(files, d, files.describe());
            Manifest m;
            try {
                m = Manifest.parse(bytes, files.describe() + ": " + d.digest());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (m instanceof ImageManifest im && im.config().digest().equals(configDigest)) {
                return ImageReading.image(bytes, files, files.describe());
            }
            if (m instanceof dev.estiba.image.ImageIndex nested) {
                nested.manifests().forEach(todo::addLast);
            }
        }
        return null;
    }

    /** Hashes a layer file and sniffs its compression. */
    private Descriptor describeLayer(String path) throws IOException {
        byte[] head = new byte[4];
        int n;
        HashingOutputStream hashing = new HashingOutputStream(OutputStream.nullOutputStream());
        try (InputStream in = files.open(path)) {
            n = in.readNBytes(head, 0, 4);
            hashing.write(head, 0, n);
            in.transferTo(hashing);
        }
        CompressionType type = CompressionType.sniff(head, n);
        return new Descriptor(type.dockerMediaType(), hashing.digest(), hashing.count());
    }

    @Override
    public void close() throws IOException {
        files.close();
    }
}
