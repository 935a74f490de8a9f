package dev.estiba.format;

import dev.estiba.format.dockerarchive.DockerArchive;
import dev.estiba.format.dockerarchive.DockerArchiveReader;
import dev.estiba.format.dockerarchive.SaveManifestEntry;
import dev.estiba.format.ociarchive.OciArchive;
import dev.estiba.format.ocilayout.OciLayoutReader;
import dev.estiba.format.ocilayout.OciLayoutWriter;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Image;
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
