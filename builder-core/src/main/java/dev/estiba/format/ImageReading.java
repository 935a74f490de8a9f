package dev.estiba.format;

import dev.estiba.image.BlobSource;
import dev.estiba.image.CorruptBlobException;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import dev.estiba.image.Image;
import dev.estiba.image.ImageConfig;
import dev.estiba.image.ImageManifest;
import dev.estiba.image.JsonBlob;
import dev.estiba.image.VerifyingInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reading the JSON parts of an image from blobs, verified, with errors naming the source. */
public final class ImageReading {
    /** Manifests and configs larger than this are refused (real ones are a few KiB). */
    public static final int MAX_JSON = 8 * 1024 * 1024;

    private ImageReading() {
    }

    /** The exact bytes of a small blob, checked against the descriptor. */
    public static byte[] readJsonBlob(BlobSource blobs, Descriptor d, String where) throws IOException {
        if (d.size() > MAX_JSON) {
            throw new ImageFormatException(where + ": " + d.digest() + " is " + d.size() + " bytes, too large for JSON");
        }
        try (InputStream in = new VerifyingInputStream(blobs.open(d.digest()), d.digest(), d.size(),
                where + ": blob " + d.digest())) {
            return in.readAllBytes();
        } catch (CorruptBlobException e) {
            throw new ImageFormatException(e.getMessage(), e);
        }
    }

    /** An image from its manifest bytes, reading and checking its config. */
    public static Image image(byte[] manifestBytes, BlobSource blobs, String where) throws IOException {
        try {
            ImageManifest m = ImageManifest.parse(manifestBytes, where + ": manifest " + Digest.sha256(manifestBytes));
            byte[] configBytes = readJsonBlob(blobs, m.config(), where);
            ImageConfig c = ImageConfig.parse(configBytes, where + ": config " + m.config().digest());
            return new Image(JsonBlob.read(m, manifestBytes), JsonBlob.read(c, configBytes), blobs);
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException(e.getMessage().startsWith(where) ? e.getMessage()
                : where + ": " + e.getMessage(), e);
        }
    }
}
