package dev.estiba.cli;

import dev.estiba.format.ImageConversion;
import dev.estiba.format.ImageTransports;
import dev.estiba.format.NamedImage;
import dev.estiba.format.OpenedSource;
import dev.estiba.format.OpenedTree;
import dev.estiba.format.Transport;
import dev.estiba.format.TreeConversion;
import dev.estiba.format.dockerarchive.DockerArchive;
import dev.estiba.format.ociarchive.OciArchive;
import dev.estiba.image.Image;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code estiba save IMAGE -o FILE}: writes a stored image as a docker-save tar or an OCI archive. */
@Command(name = "save", mixinStandardHelpOptions = true,
    description = {"Write an image of the local store to a tar: docker-save in the Docker 25 shape (also an OCI "
        + "layout), or an OCI archive."})
final class SaveCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IMAGE", description = "Name or id in the local store.")
    String image;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The tar to write.")
    Path output;

    @Option(names = "--format", paramLabel = "docker|oci", defaultValue = "docker",
        description = "Archive shape (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    CacheDirOption cache;

    @Override
    public Integer call() {
        if (!format.equals("docker") && !format.equals("oci")) {
            throw new InputException("estiba: unknown format \"" + format + "\" (expected docker or oci)");
        }
        if (ImageLocator.isTransport(image)) {
            throw new InputException("estiba: save takes an image of the local store; use estiba convert for "
                + image);
        }
        try (OpenedTree whole = ImageLocator.openTree(image, cache)) {
            if (whole.tree().isIndex()) {
                // A whole multi-platform index (pull --all): an OCI archive holds it all; a docker save cannot.
                if (format.equals("docker")) {
                    throw new InputException("estiba: save: " + image + " is a multi-platform index ("
                        + ImageTransports.platforms(whole.tree()) + ") and a docker-save archive holds one platform"
                        + " per image; save it with --format oci, or pull one platform (estiba pull --platform)");
                }
                Transport to = new Transport(Transport.Kind.OCI_ARCHIVE, output.toString(), whole.name());
                ImageTransports.write(to, TreeConversion.convert(whole.tree(), false, null, cache.blobs(), 1,
                    image));
                return ExitCodes.OK;
            }
        } catch (IOException e) {
            throw Failures.of(e);
        }
        try (OpenedSource opened = ImageLocator.open(image, cache)) {
            NamedImage named = opened.only();
            // Both shapes are OCI layouts, whose readers look for OCI manifests (an image loaded from a legacy
            // docker save has a Docker v2.2 one); the config, and so the image id, stays.
            Image oci = ImageConversion.convert(named.image(), false, null, cache.blobs(), 1);
            if (format.equals("docker")) {
                DockerArchive.write(output, oci, named.name());
            } else {
                OciArchive.write(output, oci, named.name());
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            throw Failures.of(e);
        }
    }
}
