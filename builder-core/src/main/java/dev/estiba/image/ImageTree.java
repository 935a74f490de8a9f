package dev.estiba.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a reference names, whole: the top document (an image manifest, or an index / manifest list with a
 * manifest per platform) with its exact bytes, and where every blob under it is (child manifests, configs,
 * layers). Copying a tree copies every platform, byte for byte.
 */
public record ImageTree(JsonBlob<Manifest> top, BlobSource blobs) {
    /** Child manifests larger than this are refused (real ones are a few KiB). */
    public static final int MAX_MANIFEST = 8 * 1024 * 1024;

    /** One blob of the tree; {@code bytes} is set for manifests and configs, null for layers (stream them). */
    public record Blob(Descriptor descriptor, byte[] bytes) {
    }

    /** The tree of a single image. */
    public static ImageTree of(Image image) {
        Digest config = image.config().digest();
        byte[] configBytes = image.config().bytes();
        BlobSource blobs = d -> d.equals(config) ? new ByteArrayInputStream(configBytes) : image.blobs().open(d);
        return new ImageTree(JsonBlob.read((Manifest) image.manifest().value(), image.manifest().bytes()), blobs);
    }

    /** A tree from the top document's exact bytes (throws {@link InvalidImageJsonException} when not a manifest). */
    public static ImageTree read(byte[] topBytes, BlobSource blobs, String what) {
        return new ImageTree(JsonBlob.read(Manifest.parse(topBytes, what), topBytes), blobs);
    }

    public Digest digest() {
        return top.digest();
    }

    public String mediaType() {
        return top.value().effectiveMediaType();
    }

    /** A descriptor of the top document. */
    public Descriptor descriptor() {
        return top.descriptor(mediaType());
    }

    /** Whether the top document is an index or manifest list. */
    public boolean isIndex() {
        return top.value() instanceof ImageIndex;
    }

    /** The entries of the top index (empty for a single image). */
    public List<Descriptor> entries() {
        return top.value() instanceof ImageIndex index ? index.manifests() : List.of();
    }

    /**
     * Every blob under the top, the top itself last and each manifest after the blobs it names, once each: the
     * order in which a destination never holds a manifest whose content is missing. Child manifests and configs
     * are read (verified) to find what they name.
     */
    public List<Blob> walk() throws IOException {
        Map<Digest, Blob> out = new LinkedHashMap<>();
        visit(top.value(), top.bytes(), descriptor(), out, 0);
        return new ArrayList<>(out.values());
    }

    private void visit(Manifest m, byte[] bytes, Descriptor self, Map<Digest, Blob> out, int depth)
        throws IOException {
        if (depth > 4) {
            throw new InvalidImageJsonException("indexes nested too deep at " + self.digest());
        }
        if (m instanceof ImageIndex index) {
            for (Descriptor child : index.manifests()) {
                if (out.containsKey(child.digest())) {
                    continue;
                }
                byte[] childBytes = readSmall(child);
                visit(Manifest.parse(childBytes, "manifest " + child.digest()), childBytes, child, out, depth + 1);
            }
        } else if (m instanceof ImageManifest image) {
            Descriptor config = image.config();
            if (!out.containsKey(config.digest())) {
                out.put(config.digest(), new Blob(config, readSmall(config)));
            }
            for (Descriptor layer : image.layers()) {
                out.putIfAbsent(layer.digest(), new Blob(layer, null));
            }
        }
        out.put(self.digest(), new Blob(self, bytes));
    }

    /** A small blob's bytes, checked against its descriptor. */
    public byte[] readSmall(Descriptor d) throws IOException {
        if (d.size() > MAX_MANIFEST) {
            throw new CorruptBlobException(d.digest() + " is " + d.size() + " bytes, too large for JSON");
        }
        try (InputStream in = new VerifyingInputStream(blobs.open(d.digest()), d.digest(), d.size(),
                "blob " + d.digest())) {
            return in.readAllBytes();
        }
    }

    /** A blob of the tree, verified against its descriptor as it is read. */
    public InputStream open(Descriptor d) throws IOException {
        return new VerifyingInputStream(blobs.open(d.digest()), d.digest(), d.size(), "blob " + d.digest());
    }
}
