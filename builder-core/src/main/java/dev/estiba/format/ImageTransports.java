package dev.estiba.format;

import dev.estiba.format.dockerarchive.DockerArchive;
import dev.estiba.format.dockerarchive.DockerArchiveReader;
import dev.estiba.format.dockerarchive.SaveManifestEntry;
import dev.estiba.format.ociarchive.OciArchive;
import dev.estiba.format.ocilayout.OciLayoutReader;
import dev.estiba.format.ocilayout.OciLayoutWriter;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Image;
import dev.estiba.image.ImageTree;
import dev.estiba.image.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading and writing images through the skopeo-style transports. */
public final class ImageTransports {
    private ImageTransports() {
    }

    /** The one image a transport names (its reference, or the only image there). */
    public static OpenedSource read(Transport t) throws IOException {
        return read(t, null);
    }

    /**
     * The one image a transport names; when that is a multi-platform index, the manifest for {@code platform}
     * (null: the index must hold a single manifest).
     */
    public static OpenedSource read(Transport t, Platform platform) throws IOException {
        Path path = Path.of(t.path());
        switch (t.kind()) {
            case OCI -> {
                if (!Files.isDirectory(path)) {
                    throw new ImageFormatException(t.kind().prefix() + ":" + t.path() + ": no such directory");
                }
                OciLayoutReader r = OciLayoutReader.open(new DirectoryFiles(path, "oci:" + t.path()));
                Descriptor d = r.find(t.reference());
                return new OpenedSource(t.toString(), List.of(new NamedImage(ociName(d), r.image(d, platform))), null);
            }
            case OCI_ARCHIVE -> {
                OciLayoutReader r = OciArchive.open(path);
                try {
                    Descriptor d = r.find(t.reference());
                    return new OpenedSource(t.toString(), List.of(new NamedImage(ociName(d), r.image(d, platform))),
                        r.files());
                } catch (IOException | RuntimeException e) {
                    r.files().close();
                    throw e;
                }
            }
            case DOCKER_ARCHIVE -> {
                DockerArchiveReader r = DockerArchiveReader.open(path);
                try {
                    SaveManifestEntry e = r.find(t.reference());
                    String name = t.reference() != null ? t.reference()
                        : e.repoTags().isEmpty() ? null : e.repoTags().get(0);
                    return new OpenedSource(t.toString(), List.of(new NamedImage(name, r.image(e))), r);
                } catch (IOException | RuntimeException ex) {
                    r.close();
                    throw ex;
                }
            }
            default -> throw new IllegalStateException(t.kind().toString());
        }
    }

    /**
     * Every image in an archive file, docker-save or OCI (told apart by {@code manifest.json}), each with its
     * names: a docker-save image once per RepoTag (once unnamed when it has none).
     */
    public static OpenedSource readArchive(Path file) throws IOException {
        TarFiles opened = TarFiles.open(file, file.toString());
        boolean docker = opened.exists(DockerArchive.MANIFEST_FILE);
        if (!docker && !opened.exists("oci-layout")) {
            // Neither shape (a file that is no tar at all reads as an empty one): say so, not "not an OCI layout".
            opened.close();
            throw new ImageFormatException(file + ": not an image archive (no manifest.json of docker save, "
                + "no oci-layout of an OCI archive)");
        }
        TarFiles files = opened.describedAs((docker ? "docker-archive:" : "oci-archive:") + file);
        List<NamedImage> images = new ArrayList<>();
        if (docker) {
            DockerArchiveReader r = DockerArchiveReader.open(files);
            try {
                for (SaveManifestEntry e : r.entries()) {
                    Image image = r.image(e);
                    if (e.repoTags().isEmpty()) {
                        images.add(new NamedImage(null, image));
                    }
                    for (String tag : e.repoTags()) {
                        images.add(new NamedImage(tag, image));
                    }
                }
                return new OpenedSource("docker-archive:" + file, images, r);
            } catch (IOException | RuntimeException ex) {
                r.close();
                throw ex;
            }
        }
        OciLayoutReader r;
        try {
            r = OciLayoutReader.open(files);
        } catch (IOException | RuntimeException e) {
            files.close();
            throw e;
        }
        try {
            for (Descriptor d : r.index().manifests()) {
                images.add(new NamedImage(ociName(d), r.image(d)));
            }
            return new OpenedSource("oci-archive:" + file, images, r.files());
        } catch (IOException | RuntimeException ex) {
            r.files().close();
            throw ex;
        }
    }

    /**
     * The name an OCI index entry gives: containerd's full name annotation, else the ref name when it looks
     * like a name (has a slash or a colon); a bare tag names no repository, so null.
     */
    static String ociName(Descriptor d) {
        String full = d.annotation(DockerArchive.CONTAINERD_IMAGE_NAME);
        if (full != null) {
            return full;
        }
        String ref = d.annotation(Descriptor.REF_NAME);
        return ref != null && (ref.contains(":") || ref.contains("/")) ? ref : null;
    }

    /**
     * Everything a transport names, whole: a multi-platform index with every platform, or a single image. A
     * docker-save archive holds single images only.
     */
    public static OpenedTree readTree(Transport t) throws IOException {
        Path path = Path.of(t.path());
        switch (t.kind()) {
            case OCI -> {
                if (!Files.isDirectory(path)) {
                    throw new ImageFormatException(t.kind().prefix() + ":" + t.path() + ": no such directory");
                }
                OciLayoutReader r = OciLayoutReader.open(new DirectoryFiles(path, "oci:" + t.path()));
                Descriptor d = r.find(t.reference());
                return new OpenedTree(t.toString(), ociName(d), r.tree(d), null);
            }
            case OCI_ARCHIVE -> {
                OciLayoutReader r = OciArchive.open(path);
                try {
                    Descriptor d = r.find(t.reference());
                    return new OpenedTree(t.toString(), ociName(d), r.tree(d), r.files());
                } catch (IOException | RuntimeException e) {
                    r.files().close();
                    throw e;
                }
            }
            case DOCKER_ARCHIVE -> {
                OpenedSource one = read(t);
                return new OpenedTree(one.describe(), one.only().name(), ImageTree.of(one.only().image()),
                    one.resource());
            }
            default -> throw new IllegalStateException(t.kind().toString());
        }
    }

    /**
     * Writes a whole image tree to a transport: every platform of an index. A docker-save archive holds one
     * image per tag, so an index is refused there with the platforms it has (choose one with --platform).
     */
    public static void write(Transport t, ImageTree tree) throws IOException {
        Path path = Path.of(t.path());
        switch (t.kind()) {
            case OCI -> OciLayoutWriter.write(path, tree, t.reference());
            case OCI_ARCHIVE -> OciArchive.write(path, tree, t.reference());
            case DOCKER_ARCHIVE -> {
                if (tree.isIndex()) {
                    throw new ImageFormatException(t + ": a docker-save archive holds one platform per image, and "
                        + tree.digest() + " is a multi-platform index (" + platforms(tree)
                        + "); copy one platform with --platform instead of --all");
                }
                DockerArchive.write(path, ImageReading.image(tree.top().bytes(), tree.blobs(), t.toString()),
                    t.reference());
            }
            default -> throw new IllegalStateException(t.kind().toString());
        }
    }

    /** {@code linux/amd64, linux/arm64/v8}: the platforms of an index's entries (digests for entries without). */
    public static String platforms(ImageTree tree) {
        return tree.entries().stream().map(d -> d.platform() == null ? d.digest().toString()
            : d.platform().toString()).collect(java.util.stream.Collectors.joining(", "));
    }

    /** Writes an image to a transport. */
    public static void write(Transport t, Image image) throws IOException {
        Path path = Path.of(t.path());
        switch (t.kind()) {
            case OCI -> OciLayoutWriter.write(path, image, t.reference());
            case OCI_ARCHIVE -> OciArchive.write(path, image, t.reference());
            case DOCKER_ARCHIVE -> DockerArchive.write(path, image, t.reference());
            default -> throw new IllegalStateException(t.kind().toString());
        }
    }
}
