package dev.estiba.cli;

import dev.estiba.format.ImageConversion;
import dev.estiba.format.ImageTransports;
import dev.estiba.format.OpenedSource;
import dev.estiba.format.Transport;
import dev.estiba.image.Image;
import dev.estiba.image.Platform;
import dev.estiba.layer.Compression;
import dev.estiba.layer.CompressionType;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code estiba convert SRC DST}: copies an image between OCI layouts, OCI archives and docker-save tars. */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {"Copy an image from one place to another, optionally changing its manifest format and "
        + "layer compression.",
        "Locations: oci:DIR[:TAG], oci-archive:FILE[:TAG], docker-archive:FILE[:NAME:TAG].",
        "Prints the digest of the written manifest."})
final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SRC", description = "Where the image is.")
    String source;

    @Parameters(index = "1", paramLabel = "DST", description = "Where to write it.")
    String destination;

    @Option(names = "--format", paramLabel = "oci|docker", defaultValue = "oci",
        description = "Manifest format to write (default: ${DEFAULT-VALUE}, which every OCI layout reader "
            + "expects; skopeo and umoci do not find Docker manifests in an OCI layout).")
    String format;

    @Option(names = "--compression", paramLabel = "gzip|zstd|none",
        description = "Recompress layers that use another compression (default: keep them as they are).")
    String compression;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
        description = "The platform to take from a multi-platform index, e.g. linux/arm64/v8.")
    String platform;

    @Mixin
    CacheDirOption cache;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Transport src;
        Transport dst;
        Platform wanted;
        boolean docker;
        Compression layers;
        try {
            src = Transport.parse(source);
            wanted = platform == null ? null : Platform.parse(platform);
            dst = Transport.parse(destination);
            docker = switch (format) {
                case "oci" -> false;
                case "docker" -> true;
                default -> throw new IllegalArgumentException("unknown format \"" + format + "\" (expected oci or docker)");
            };
            layers = compression == null ? null : Compression.defaultFor(CompressionType.fromCliName(compression));
        } catch (IllegalArgumentException e) {
            throw Failures.of(e);
        }
        try (OpenedSource opened = ImageTransports.read(src, wanted)) {
            Image image = ImageConversion.convert(opened.only().image(), docker, layers, cache.blobs(),
                Runtime.getRuntime().availableProcessors());
            ImageTransports.write(dst, image);
            spec.commandLine().getOut().println(image.manifest().digest());
            return ExitCodes.OK;
        } catch (IOException e) {
            throw Failures.of(e);
        }
    }
}
