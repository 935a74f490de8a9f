package dev.estiba.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes small OCI image layouts for the registry tests: one or more platforms, one file layer each. */
public final class TestImages {
    public static final ObjectMapper JSON = new ObjectMapper();

    private TestImages() {
    }

    /** One platform's image written to a layout. */
    public record Written(String manifestDigest, long manifestSize, String configDigest, String layerDigest,
        String platform) {
    }

    /** Writes an OCI layout at dir with one image per platform ("linux/amd64"); one platform is a plain manifest. */
    public static List<Written> writeLayout(Path dir, String tag, String seed, List<String> platforms) throws IOException {
        Files.createDirectories(dir.resolve("blobs/sha256"));
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        List<Written> images = new java.util.ArrayList<>();
        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2)
            .put("mediaType", "application/vnd.oci.image.index.v1+json");
        var entries = index.putArray("manifests");
        for (String platform : platforms) {
            String[] p = platform.split("/");
            byte[] layer = gzipTar("hello.txt", ("hello from " + seed + " on " + platform + "\n")
                .getBytes(StandardCharsets.UTF_8));
            String layerDigest = blob(dir, layer);
            byte[] tar = tar("hello.txt", ("hello from " + seed + " on " + platform + "\n")
                .getBytes(StandardCharsets.UTF_8));
            ObjectNode config = JSON.createObjectNode().put("architecture", p[1]).put("os", p[0]);
            if (p.length > 2) {
                config.put("variant", p[2]);
            }
            config.putObject("config").putArray("Env").add("PATH=/bin");
            ObjectNode rootfs = config.putObject("rootfs").put("type", "layers");
            rootfs.putArray("diff_ids").add(sha256(tar));
            byte[] configBytes = JSON.writeValueAsBytes(config);
            String configDigest = blob(dir, configBytes);
            ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.manifest.v1+json");
            manifest.putObject("config").put("mediaType", "application/vnd.oci.image.config.v1+json")
                .put("digest", configDigest).put("size", configBytes.length);
            manifest.putArray("layers").addObject().put("mediaType", "application/vnd.oci.image.layer.v1.tar+gzip")
                .put("digest", layerDigest).put("size", layer.length);
            byte[] manifestBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
            String manifestDigest = blob(dir, manifestBytes);
            images.add(new Written(manifestDigest, manifestBytes.length, configDigest, layerDigest, platform));
            ObjectNode entry = entries.addObject().put("mediaType", "application/vnd.oci.image.manifest.v1+json")
                .put("digest", manifestDigest).put("size", manifestBytes.length);
            if (platforms.size() > 1) {
                ObjectNode pl = entry.putObject("platform").put("architecture", p[1]).put("os", p[0]);
                if (p.length > 2) {
                    pl.put("variant", p[2]);
                }
            }
            if (platforms.size() == 1) {
                entry.putObject("annotations").put("org.opencontainers.image.ref.name", tag);
            }
        }
        if (platforms.size() > 1) {
            // The layout names the index itself under the tag.
            byte[] inner = JSON.writeValueAsBytes(index);
            String innerDigest = blob(dir, inner);
            ObjectNode top = JSON.createObjectNode().put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.index.v1+json");
            top.putArray("manifests").addObject().put("mediaType", "application/vnd.oci.image.index.v1+json")
                .put("digest", innerDigest).put("size", inner.length)
                .putObject("annotations").put("org.opencontainers.image.ref.name", tag);
            Files.write(dir.resolve("index.json"), JSON.writeValueAsBytes(top));
        } else {
            Files.write(dir.resolve("index.json"), JSON.writeValueAsBytes(index));
        }
        return images;
    }

    public static String blob(Path layout, byte[] bytes) throws IOException {
        String digest = sha256(bytes);
        Files.write(layout.resolve("blobs/sha256").resolve(digest.substring(7)), bytes);
        return digest;
    }

    public static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] tar(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setSize(content.length);
            e.setModTime(0);
            tar.putArchiveEntry(e);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return out.toByteArray();
    }

    public static byte[] gzipTar(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(tar(name, content));
        }
        return out.toByteArray();
    }
}
