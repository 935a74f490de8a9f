package dev.estiba.context;

import dev.estiba.files.FileTrees;
import dev.estiba.context.pattern.GoPath;
import dev.estiba.layer.compress.Decompression;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A build context given as a tar on standard input ({@code estiba build -}), unpacked into a new directory.
 * Plain, gzip, bzip2, xz and zstd tars are accepted. Names are made relative ({@code /} and {@code ./} dropped); a name
 * or hard link that climbs out with {@code ..} is refused, and nothing is ever written through a symlink, so
 * the archive cannot touch anything outside the directory. Symlinks are created as they are (they are data,
 * never followed here); devices, fifos and sockets are skipped. On any error the directory is removed.
 */
public final class ContextArchive {
    private ContextArchive() {
    }

    /**
     * Unpacks {@code in} into a new directory under {@code parent}.
     *
     * @return the new directory, the context root
     * @throws ContextArchiveException when the input is not an acceptable tar
     */
    public static Path extract(InputStream in, Path parent) throws IOException, ContextArchiveException {
        Files.createDirectories(parent);
        Path root = Files.createTempDirectory(parent, "context-");
        boolean done = false;
        try {
            unpack(decompress(in), root);
            done = true;
            return root;
        } finally {
            if (!done) {
                FileTrees.deleteTree(root);
            }
        }
    }

    private static InputStream decompress(InputStream raw) throws IOException {
        // docker's DecompressStream: gzip, bzip2, xz and zstd by their magic bytes, anything else as it is.
        return new BufferedInputStream(Decompression.open(raw).stream(), 1 << 16);
    }

    private record Deferred(Path dir, int mode, FileTime mtime) {
    }

    private static void unpack(InputStream data, Path root) throws IOException, ContextArchiveException {
        BufferedInputStream in = new BufferedInputStream(data, 1 << 16);
        in.mark(512);
        byte[] header = in.readNBytes(512);
        in.reset();
        if (header.length > 0 && !TarArchiveInputStream.matches(header, header.length)) {
            throw new ContextArchiveException("the build context on standard input is not a tar archive");
        }
        boolean posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
        List<Deferred> dirs = new ArrayList<>();
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
            String name = relative(e.getName(), "tar entry \"" + e.getName() + "\"");
            if (name.isEmpty()) {
                continue; // the archive's own root, "./"
            }
            Path target = safeTarget(root, name, e.getName());
            if (e.isDirectory()) {
                if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(target);
                    Files.createDirectories(target);
                }
                dirs.add(new Deferred(target, e.getMode() & 07777, e.getLastModifiedTime()));
                continue;
            }
            if (e.isFIFO() || e.isCharacterDevice() || e.isBlockDevice() || !(e.isFile() || e.isSymbolicLink()
                || e.isLink())) {
                continue; // devices, fifos: not part of a context
            }
            Files.createDirectories(target.getParent());
            replaceNonDirectory(target, e.getName());
            if (e.isSymbolicLink()) {
                Files.createSymbolicLink(target, root.getFileSystem().getPath(e.getLinkName()));
                continue;
            }
            if (e.isLink()) {
                String linked = relative(e.getLinkName(),
                    "tar entry \"" + e.getName() + "\": hard link to \"" + e.getLinkName() + "\"");
                Path source = safeTarget(root, linked, e.getLinkName());
                if (linked.isEmpty() || !Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                    throw new ContextArchiveException("tar entry \"" + e.getName() + "\": hard link to \""
                        + e.getLinkName() + "\", which is not a file earlier in the archive");
                }
                Files.createLink(target, source);
                continue;
            }
            Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
            if (posix) {
                Files.setPosixFilePermissions(target, permissions(e.getMode()));
            }
            Files.setLastModifiedTime(target, e.getLastModifiedTime());
        }
        // Directory modes and times last: children change a directory's mtime, and a read-only mode would
        // have stopped them from being written.
        for (int i = dirs.size() - 1; i >= 0; i--) {
            Deferred d = dirs.get(i);
            if (posix) {
                Files.setPosixFilePermissions(d.dir(), permissions(d.mode()));
            }
            Files.setLastModifiedTime(d.dir(), d.mtime());
        }
    }

    /** The entry name relative to the root; {@code ""} for the root itself. */
    private static String relative(String tarName, String subject) throws ContextArchiveException {
        String cleaned = GoPath.clean(tarName);
        if (cleaned.equals("..") || cleaned.startsWith("../")) {
            throw new ContextArchiveException(subject + " points outside the context");
        }
        return cleaned.equals(".") || cleaned.equals("/") ? "" : cleaned.replaceFirst("^/", "");
    }

    /** The path for an entry, refusing any existing symlink on the way. */
    private static Path safeTarget(Path root, String name, String tarName) throws ContextArchiveException {
        Path p = root;
        String[] parts = name.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            p = p.resolve(parts[i]);
            if (Files.isSymbolicLink(p)) {
                throw new ContextArchiveException("tar entry \"" + tarName + "\" goes through the symlink \""
                    + root.relativize(p) + "\"");
            }
        }
        return p.resolve(parts[parts.length - 1]);
    }

    private static void replaceNonDirectory(Path target, String tarName) throws IOException, ContextArchiveException {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new ContextArchiveException("tar entry \"" + tarName + "\" would replace a directory");
        }
        try {
            Files.deleteIfExists(target);
        } catch (FileAlreadyExistsException e) {
            throw new ContextArchiveException("tar entry \"" + tarName + "\" cannot replace " + target);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] all = PosixFilePermission.values();
        for (int i = 0; i < all.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                set.add(all[i]);
            }
        }
        return set;
    }

}
