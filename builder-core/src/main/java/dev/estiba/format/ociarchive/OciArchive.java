package dev.estiba.format.ociarchive;

import dev.estiba.format.LayoutTarWriter;
import dev.estiba.format.TarFiles;
import dev.estiba.format.ocilayout.OciLayoutReader;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Image;
import dev.estiba.image.ImageTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** An OCI archive: an OCI image layout as a tar (optionally compressed when read). */
public final class OciArchive {
    private OciArchive() {
    }

    /**
     * Opens an archive for reading; close the returned reader's {@link OciLayoutReader#files()} when done,
     * and read its blobs only while it is open.
     */
    public static OciLayoutReader open(Path file) throws IOException {
        TarFiles files = TarFiles.open(file, "oci-archive:" + file);
        try {
            return OciLayoutReader.open(files);
        } catch (IOException | RuntimeException e) {
            files.close();
            throw e;
        }
    }

    /** Writes one image, tagged {@code tag} when not null, as a new archive replacing {@code file}. */
    public static void write(Path file, Image image, String tag) throws IOException {
        write(file, ImageTree.of(image), tag);
    }

    /** Writes a whole image tree (every platform of an index), tagged {@code tag} when not null. */
    public static void write(Path file, ImageTree tree, String tag) throws IOException {
        Descriptor entry = LayoutTarWriter.indexEntry(tree, tag == null ? Map.of() : Map.of(Descriptor.REF_NAME, tag));
        LayoutTarWriter.write(file, List.of(new LayoutTarWriter.Entry(tree, entry)), Map.of());
    }
}
