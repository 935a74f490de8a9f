package dev.estiba.format;

import dev.estiba.format.ocilayout.OciLayout;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Image;
import dev.estiba.image.ImageIndex;
import dev.estiba.image.ImageJson;
import dev.estiba.image.ImageTree;
import dev.estiba.layer.LayerPath;
import dev.estiba.layer.TarWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an OCI layout as a tar (the body of an OCI archive and of a Docker 25 save): {@code blobs/},
 * {@code index.json}, {@code oci-layout} and any extra files, in byte order of their paths, with fixed owners and
 * times so the same images give the same archive. Blobs stream straight from their source, verified as they go;
 * the archive is written under a temporary name and renamed when complete.
 */
public final class LayoutTarWriter {

    /** An image (one manifest or a whole multi-platform index) and the index entry (annotations) that names it. */
    public record Entry(ImageTree tree, Descriptor indexEntry) {
        public Entry(Image image, Descriptor indexEntry) {
            this(ImageTree.of(image), indexEntry);
        }
    }

    private interface Content {
        InputStream open() throws IOException;
    }

    private record FileSpec(long size, Content content) {
    }

    private LayoutTarWriter() {
    }

    /** The index entry for an image, with its ref-name and any other annotations. */
    public static Descriptor indexEntry(Image image, Map<String, String> annotations) {
        return indexEntry(ImageTree.of(image), annotations);
    }

    /** The index entry for an image tree (its top manifest or index), with annotations. */
    public static Descriptor indexEntry(ImageTree tree, Map<String, String> annotations) {
        return tree.descriptor().withAnnotations(annotations);
    }

    public static void write(Path target, List<Entry> images, Map<String, byte[]> extraFiles) throws IOException {
        TreeMap<String, FileSpec> files = new TreeMap<>(LayerPath.BYTE_ORDER);
        for (Entry e : images) {
            ImageTree tree = e.tree();
            List<ImageTree.Blob> blobs;
            try {
                blobs = tree.walk();
            } catch (IllegalArgumentException bad) {
                throw new ImageFormatException(target + ": " + bad.getMessage(), bad);
            }
            for (ImageTree.Blob blob : blobs) {
                Descriptor d = blob.descriptor();
                if (blob.bytes() != null) {
                    put(files, LayoutFiles.blobPath(d.digest()), blob.bytes());
                } else {
                    files.put(LayoutFiles.blobPath(d.digest()), new FileSpec(d.size(), () -> tree.open(d)));
                }
            }
        }
        ImageIndex index = ImageIndex.oci(images.stream().map(Entry::indexEntry).toList());
        put(files, OciLayout.INDEX_FILE, ImageJson.write(index));
        put(files, OciLayout.LAYOUT_FILE, OciLayout.LAYOUT_JSON.getBytes(StandardCharsets.UTF_8));
        extraFiles.forEach((name, bytes) -> put(files, name, bytes));

        AtomicOutput.write(target, out -> {
            java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(out, 256 * 1024);
            try (TarWriter tar = new TarWriter(buffered)) {
                java.util.Set<String> dirs = new java.util.HashSet<>();
                for (Map.Entry<String, FileSpec> f : files.entrySet()) {
                    String parent = LayerPath.parent(f.getKey());
                    if (!parent.isEmpty() && dirs.add(parent)) {
                        String grand = LayerPath.parent(parent);
                        if (!grand.isEmpty() && dirs.add(grand)) {
                            tar.write(dir(grand), null);
                        }
                        tar.write(dir(parent), null);
                    }
                    try (InputStream in = f.getValue().content().open()) {
                        tar.write(new TarWriter.Header(f.getKey(), '0', 0644, 0, 0, f.getValue().size(), 0, null, null,
                            null), in);
                    }
                }
            }
            buffered.flush();
        });
    }

    private static TarWriter.Header dir(String path) {
        return new TarWriter.Header(path + "/", '5', 0755, 0, 0, 0, 0, null, null, null);
    }

    private static void put(Map<String, FileSpec> files, String name, byte[] bytes) {
        files.put(name, new FileSpec(bytes.length, () -> new ByteArrayInputStream(bytes)));
    }
}
