package dev.estiba.build.copy;

import dev.estiba.layer.compress.Decompression;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * ADD's local archives: a tar, plain or compressed with gzip, bzip2, xz or zstd, is extracted at the destination
 * with the modes, owners and times its entries carry. Any other file is copied as it is.
 */
public final class ArchiveExtractor {
    private ArchiveExtractor() {
    }

    /** Whether a file is a tar once decompressed (ustar magic at offset 257). */
    public static boolean isArchive(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = Decompression.open(raw).stream()) {
            byte[] head = in.readNBytes(512);
            if (head.length < 512) {
                return false;
            }
            String magic = new String(head, 257, 5, StandardCharsets.US_ASCII);
            return magic.equals("ustar");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Extracts an archive under {@code directory} into {@code out}; file contents are spooled into
     * {@code spool} (the layer writer reads them later).
     *
     * @param owner when present, every entry's owner ({@code --chown}); otherwise the archive's
     */
    public static void extract(Path archive, String directory, LayerChanges out, Path spool,
                               java.util.Optional<Owner.Ids> owner, Instant clamp) throws IOException {
        Files.createDirectories(spool);
        out.ensureDirectory(directory);
        try (InputStream raw = Files.newInputStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(
                 new BufferedInputStream(Decompression.open(raw).stream(), 1 << 16))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                String name = clean(e.getName());
                if (name.isEmpty()) {
                    continue;
                }
                String path = CopyWriter.join(directory, name);
                long uid = owner.map(Owner.Ids::uid).orElse(e.getLongUserId());
                long gid = owner.map(Owner.Ids::gid).orElse(e.getLongGroupId());
                Instant mtime = e.getLastModifiedTime().toInstant();
                if (clamp != null && mtime.isAfter(clamp)) {
                    mtime = clamp;
                }
                int mode = e.getMode() & 07777;
                if (e.isDirectory()) {
                    out.directory(path, mode, uid, gid, mtime);
                } else if (e.isSymbolicLink()) {
                    out.symlink(path, e.getLinkName(), uid, gid, mtime);
                } else if (e.isFile() || e.isLink()) {
                    Path f = Files.createTempFile(spool, "add-", "");
                    if (e.isLink()) {
                        throw new IOException(archive.getFileName() + ": hard link " + name
                            + " in an ADD archive is not supported");
                    }
                    Files.copy(tar, f, StandardCopyOption.REPLACE_EXISTING);
                    out.file(path, mode, uid, gid, mtime, Files.size(f), dev.estiba.layer.ContentSource.of(f));
                }
            }
        }
    }

    private static String clean(String name) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (String p : name.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(p);
        }
        return String.join("/", parts);
    }
}
