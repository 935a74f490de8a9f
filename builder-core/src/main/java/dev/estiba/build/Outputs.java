package dev.estiba.build;

import dev.estiba.files.FileTrees;
import dev.estiba.format.AtomicOutput;
import dev.estiba.format.dockerarchive.DockerArchive;
import dev.estiba.format.ociarchive.OciArchive;
import dev.estiba.format.ocilayout.OciLayoutWriter;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Image;
import dev.estiba.layer.ChangeEntry;
import dev.estiba.layer.ChangeSet;
import dev.estiba.layer.ContentSource;
import dev.estiba.layer.LayerWriter;
import dev.estiba.layer.apply.LayerApplier;
import dev.estiba.layer.read.LayerSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Writes a built image to each {@code --output}, every one complete or not at all. */
final class Outputs {
    private Outputs() {
    }

    static void write(Output o, Image image, String name, Path scratch) throws IOException {
        switch (o.type()) {
            case OCI -> {
                if (o.dest().getFileName().toString().endsWith(".tar")) {
                    OciArchive.write(o.dest(), image, tag(name));
                } else {
                    writeDirectory(o.dest(), tmp -> OciLayoutWriter.write(tmp, image, tag(name)));
                }
            }
            case OCI_ARCHIVE -> OciArchive.write(o.dest(), image, tag(name));
            case DOCKER -> DockerArchive.write(o.dest(), image, name);
            case LOCAL -> writeDirectory(o.dest(), tmp -> unpack(image, tmp));
            case TAR -> {
                Files.createDirectories(scratch);
                Path dir = Files.createTempDirectory(scratch, "rootfs-");
                unpack(image, dir);
                ChangeSet all = tree(dir);
                AtomicOutput.write(o.dest(), out -> new LayerWriter(dev.estiba.layer.Compression.none(), null)
                    .write(all, out));
            }
            default -> throw new IllegalStateException(o.type().toString());
        }
    }

    private static String tag(String name) {
        if (name == null) {
            return null;
        }
        int colon = name.lastIndexOf(':');
        return colon > name.lastIndexOf('/') ? name.substring(colon + 1) : "latest";
    }

    @FunctionalInterface
    private interface DirWriter {
        void write(Path dir) throws IOException;
    }

    /** Writes a directory next to its destination and renames it into place. */
    private static void writeDirectory(Path dest, DirWriter w) throws IOException {
        Path abs = dest.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + "-");
        try {
            w.write(tmp);
            AtomicOutput.shareable(tmp, true);
            if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                FileTrees.deleteTree(abs);
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(tmp)) {
                FileTrees.deleteTree(tmp);
            }
        }
    }

    static void unpack(Image image, Path dir) throws IOException {
        List<LayerSource> layers = new ArrayList<>();
        for (Descriptor d : image.layers()) {
            layers.add(new LayerSource(d.digest().toString(), () -> image.open(d), null));
        }
        new LayerApplier().applyAll(dir, layers);
    }

    /** A directory's files as one change set (the {@code tar} output). */
    private static ChangeSet tree(Path dir) throws IOException {
        List<ChangeEntry> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.equals(dir)) {
                    continue;
                }
                String rel = dir.relativize(p).toString().replace('\\', '/');
                Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,lastModifiedTime,size",
                    LinkOption.NOFOLLOW_LINKS);
                int mode = (Integer) a.get("mode");
                long uid = ((Number) a.get("uid")).longValue();
                long gid = ((Number) a.get("gid")).longValue();
                Instant t = ((java.nio.file.attribute.FileTime) a.get("lastModifiedTime")).toInstant();
                switch (mode & 0170000) {
                    case 0040000 -> entries.add(ChangeEntry.directory(rel, mode & 07777, uid, gid, t));
                    case 0120000 -> entries.add(ChangeEntry.symlink(rel, Files.readSymbolicLink(p).toString(), uid, gid, t));
                    case 0100000 -> entries.add(ChangeEntry.file(rel, mode & 07777, uid, gid, t, (Long) a.get("size"),
                        ContentSource.of(p)));
                    default -> {
                        // devices, fifos and sockets are left out of the tar output
                    }
                }
            }
        }
        return ChangeSet.of(entries);
    }

}
