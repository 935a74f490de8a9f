package dev.estiba.format.ocilayout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.estiba.format.ImageFormatException;
import dev.estiba.format.ImageReading;
import dev.estiba.format.LayoutFiles;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Image;
import dev.estiba.image.ImageIndex;
import dev.estiba.image.ImageJson;
import dev.estiba.image.ImageTree;
import dev.estiba.image.Manifest;
import dev.estiba.image.MediaTypes;
import dev.estiba.image.Platform;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads images from an OCI image layout: a directory, or the same files inside a tar (OCI archive, Docker 25
 * save). Images are found by their {@code org.opencontainers.image.ref.name} annotation in {@code index.json}.
 */
public final class OciLayoutReader {
    private final LayoutFiles files;
    private final ImageIndex index;

    private OciLayoutReader(LayoutFiles files, ImageIndex index) {
        this.files = files;
        this.index = index;
    }

    /** Checks {@code oci-layout} and reads {@code index.json}. */
    public static OciLayoutReader open(LayoutFiles files) throws IOException {
        String where = files.describe();
        if (!files.exists(OciLayout.LAYOUT_FILE)) {
            throw new ImageFormatException(where + ": not an OCI image layout (no oci-layout file)");
        }
        try {
            JsonNode layout = ImageJson.mapper().readTree(files.readSmall(OciLayout.LAYOUT_FILE, 4096));
            JsonNode version = layout == null ? null : layout.get("imageLayoutVersion");
            if (version == null || !version.asText().startsWith("1.")) {
                throw new ImageFormatException(where + ": unsupported oci-layout " + layout);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ImageFormatException(where + ": oci-layout is not JSON: " + e.getOriginalMessage());
        }
        if (!files.exists(OciLayout.INDEX_FILE)) {
            throw new ImageFormatException(where + ": missing index.json");
        }
        try {
            byte[] bytes = files.readSmall(OciLayout.INDEX_FILE, ImageReading.MAX_JSON);
            return new OciLayoutReader(files, ImageIndex.parse(bytes, where + ": index.json"));
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException(e.getMessage(), e);
        }
    }

    public ImageIndex index() {
        return index;
    }

    public LayoutFiles files() {
        return files;
    }

    /** The tags (ref names) of the layout, in index order. */
    public List<String> tags() {
        List<String> tags = new ArrayList<>();
        for (Descriptor d : index.manifests()) {
            String ref = d.annotation(Descriptor.REF_NAME);
            if (ref != null) {
                tags.add(ref);
            }
        }
        return tags;
    }

    /**
     * The index entry for a tag; with no tag, the only entry.
     *
     * @throws ImageFormatException naming the tags there are when none or several match
     */
    public Descriptor find(String tag) throws ImageFormatException {
        String where = files.describe();
        if (tag == null) {
            if (index.manifests().size() != 1) {
                throw new ImageFormatException(where + ": holds " + index.manifests().size()
                    + " images; name one with :TAG" + tagList());
            }
            return index.manifests().get(0);
        }
        List<Descriptor> matches = index.manifests().stream()
            .filter(d -> tag.equals(d.annotation(Descriptor.REF_NAME))).toList();
        if (matches.isEmpty()) {
            throw new ImageFormatException(where + ": no image tagged \"" + tag + "\"" + tagList());
        }
        return matches.get(matches.size() - 1);
    }

    private String tagList() {
        List<String> tags = tags();
        return tags.isEmpty() ? " (it has no tags)" : " (tags: " + String.join(", ", tags) + ")";
    }

    /** Everything an index entry names: its manifest or index, every platform, with the layout's blobs. */
    public ImageTree tree(Descriptor entry) throws IOException {
        String where = files.describe();
        byte[] bytes = ImageReading.readJsonBlob(files, entry, where);
        try {
            return ImageTree.read(bytes, files, where + ": manifest " + entry.digest());
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException(e.getMessage(), e);
        }
    }

    /** The image of a tag. An index with a single manifest is followed to it. */
    public Image image(String tag) throws IOException {
        return image(find(tag));
    }

    /** The image an index entry points at; a multi-platform index must be narrowed with a platform. */
    public Image image(Descriptor entry) throws IOException {
        return image(entry, null);
    }

    /**
     * The image an index entry points at. Indexes are followed: to their only manifest, or to the one for
     * {@code platform} (os and architecture equal, and the variant when the platform names one).
     */
    public Image image(Descriptor entry, Platform platform) throws IOException {
        String where = files.describe();
        Descriptor current = entry;
        for (int depth = 0; depth < 4; depth++) {
            byte[] bytes = ImageReading.readJsonBlob(files, current, where);
            Manifest m;
            try {
                m = Manifest.parse(bytes, where + ": manifest " + current.digest());
            } catch (IllegalArgumentException e) {
                throw new ImageFormatException(e.getMessage(), e);
            }
            if (m instanceof ImageIndex nested) {
                current = choose(nested, platform, current);
                continue;
            }
            if (!MediaTypes.isManifest(m.effectiveMediaType())) {
                throw new ImageFormatException(where + ": unsupported manifest type " + m.mediaType());
            }
            return ImageReading.image(bytes, files, where);
        }
        throw new ImageFormatException(where + ": indexes nested too deep at " + current.digest());
    }

    private Descriptor choose(ImageIndex index, Platform platform, Descriptor at) throws ImageFormatException {
        String platforms = index.manifests().stream().map(d -> d.platform() == null ? d.digest().toString()
            : d.platform().toString()).collect(Collectors.joining(", "));
        if (index.manifests().size() == 1 && (platform == null || index.manifests().get(0).platform() == null)) {
            return index.manifests().get(0); // a single entry that names no platform is for any
        }
        if (platform == null) {
            throw new ImageFormatException(files.describe() + ": " + at.digest() + " is a multi-platform index ("
                + platforms + "); choose one with --platform");
        }
        for (Descriptor d : index.manifests()) {
            Platform p = d.platform();
            if (p != null && platform.os().equals(p.os()) && platform.architecture().equals(p.architecture())
                && (platform.variant() == null || platform.variant().equals(p.variant()))) {
                return d;
            }
        }
        throw new ImageFormatException(files.describe() + ": " + at.digest() + " has no image for " + platform
            + " (it has " + platforms + ")");
    }
}
