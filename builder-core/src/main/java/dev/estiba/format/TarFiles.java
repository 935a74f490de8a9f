package dev.estiba.format;

import dev.estiba.layer.Compression;
import dev.estiba.layer.CompressionType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Layout files inside a tar, read in place by seeking to each entry (no extraction). A gzip- or
 * zstd-compressed tar is first decompressed to a temporary file, deleted on close. Symbolic links between
 * entries (Docker 25 writes {@code ID/layer.tar} links into {@code blobs/}) are followed inside the archive.
 */
public final class TarFiles implements LayoutFiles {
    private static final int MAX_LINK_DEPTH = 16;

    private final TarFile tar;
    private final Path temporary;
    private final Map<String, TarArchiveEntry> entries = new HashMap<>();
    private final String describe;

    private TarFiles(TarFile tar, Path temporary, String describe) {
        this.tar = tar;
        this.temporary = temporary;
        this.describe = describe;
        for (TarArchiveEntry e : tar.getEntries()) {
            entries.put(normalize(e.getName()), e);
        }
    }

    private TarFiles(TarFiles same, String describe) {
        this.tar = same.tar;
        this.temporary = same.temporary;
        this.describe = describe;
        this.entries.putAll(same.entries);
    }

    /** The same open archive under another name for messages; close either one, once. */
    public TarFiles describedAs(String newDescribe) {
        return new TarFiles(this, newDescribe);
    }

    /** Opens a tar file, decompressing it first when it is compressed. */
    public static TarFiles open(Path file, String describe) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ImageFormatException(describe + ": no such file");
        }
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        }
        CompressionType type = CompressionType.sniff(head, n);
        Path temp = null;
        Path tarPath = file;
        try {
            if (type != CompressionType.NONE) {
                temp = Files.createTempFile("estiba-archive-", ".tar");
                try (InputStream in = Compression.decompress(type, Files.newInputStream(file));
                     OutputStream out = Files.newOutputStream(temp)) {
                    in.transferTo(out);
                }
                tarPath = temp;
            }
            return new TarFiles(new TarFile(tarPath), temp, describe);
        } catch (IOException | RuntimeException e) {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
            if (e instanceof ImageFormatException f) {
                throw f;
            }
            throw new ImageFormatException(describe + ": not a readable tar archive: " + e.getMessage(), e);
        }
    }

    private static String normalize(String name) {
        String n = name;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        return n;
    }

    /** The regular-file entry at {@code path}, following symlinks that stay inside the archive; null if none. */
    private TarArchiveEntry resolve(String path) {
        String current = normalize(path);
        for (int depth = 0; depth < MAX_LINK_DEPTH; depth++) {
            TarArchiveEntry e = entries.get(current);
            if (e == null) {
                return null;
            }
            if (e.isSymbolicLink() || e.isLink()) {
                String target = e.getLinkName();
                String base = e.isLink() || target.startsWith("/") ? "" : parent(current);
                current = join(base, target);
                if (current == null) {
                    return null;
                }
                continue;
            }
            return e.isFile() ? e : null;
        }
        return null;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Joins and resolves {@code .}/{@code ..}; null when it climbs out of the archive. */
    private static String join(String base, String relative) {
        Deque<String> parts = new ArrayDeque<>();
        for (String s : (base + "/" + relative).split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(s);
            }
        }
        return String.join("/", parts);
    }

    @Override
    public boolean exists(String path) {
        return resolve(path) != null;
    }

    @Override
    public InputStream open(String path) throws IOException {
        TarArchiveEntry e = resolve(path);
        if (e == null) {
            throw new ImageFormatException(describe + ": missing " + path);
        }
        return tar.getInputStream(e);
    }

    /** The size of a file entry. */
    public long size(String path) throws IOException {
        TarArchiveEntry e = resolve(path);
        if (e == null) {
            throw new NoSuchFileException(describe + ": missing " + path);
        }
        return e.getSize();
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public void close() throws IOException {
        try {
            tar.close();
        } finally {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
