package dev.estiba.cli;

import dev.estiba.format.ImageConversion;
import dev.estiba.format.ImageTransports;
import dev.estiba.format.OpenedSource;
import dev.estiba.format.OpenedTree;
import dev.estiba.format.TreeConversion;
import dev.estiba.format.Transport;
import dev.estiba.image.Digest;
import dev.estiba.image.Image;
import dev.estiba.image.ImageTree;
import dev.estiba.image.Platform;
import dev.estiba.layer.Compression;
import dev.estiba.layer.CompressionType;
import dev.estiba.registry.PlatformSelector;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code estiba convert SRC DST}: copies an image between OCI layouts, OCI archives, docker-save tars and
 * registries ({@code docker://REF}).
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {"Copy an image from one place to another, optionally changing its manifest format and "
        + "layer compression.",
        "Locations: oci:DIR[:TAG], oci-archive:FILE[:TAG], docker-archive:FILE[:NAME:TAG], docker://REF "
            + "(a registry).",
        "Prints the digest of the written manifest."})
final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SRC", description = "Where the image is.")
    String source;

    @Parameters(index = "1", paramLabel = "DST", description = "Where to write it.")
    String destination;

    @Option(names = "--format", paramLabel = "oci|docker",
        description = "Manifest format to write (default: oci, which every OCI layout reader expects; skopeo and "
            + "umoci do not find Docker manifests in an OCI layout. To a docker:// destination the source's format "
            + "is kept, as skopeo copy keeps it, so the digest stays).")
    String format;

    @Option(names = "--compression", paramLabel = "gzip|zstd|none",
        description = "Recompress layers that use another compression (default: keep them as they are).")
    String compression;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
        description = "The platform to take from a multi-platform index, e.g. linux/arm64/v8 (default: this "
            + "machine's, as skopeo copy chooses).")
    String platform;

    @Option(names = {"-a", "--all"},
        description = "Copy a multi-platform index whole: every platform's manifest, config and layers, and the "
            + "index itself with its exact bytes (as skopeo copy --all). A docker-archive holds one platform, so it "
            + "takes --platform instead.")
    boolean all;

    @Mixin
    CacheDirOption cache;

    @Mixin
    RegistryFlags registry;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Transport src = null;
        Transport dst = null;
        Boolean docker;
        Compression layers;
        Platform wanted;
        try {
            if (!RegistryLocation.is(source)) {
                src = Transport.parse(source);
            }
            if (!RegistryLocation.is(destination)) {
                dst = Transport.parse(destination);
            }
            // A registry takes both formats: keep the source's there, so the digest stays as skopeo keeps it.
            docker = format == null ? (RegistryLocation.is(destination) ? null : Boolean.FALSE) : switch (format) {
                case "oci" -> Boolean.FALSE;
                case "docker" -> Boolean.TRUE;
                default -> throw new IllegalArgumentException("unknown format \"" + format + "\" (expected oci or docker)");
            };
            layers = compression == null ? null : Compression.defaultFor(CompressionType.fromCliName(compression));
            wanted = platform == null ? PlatformSelector.host() : Platform.parse(platform);
        } catch (IllegalArgumentException e) {
            throw Failures.of(e);
        }
        if (all && platform != null) {
            throw new InputException("estiba: convert: --all copies every platform; leave out --platform " + platform);
        }
        if (all) {
            return copyAll(src, dst, docker, layers);
        }
        Transport from = src;
        Transport to = dst;
        Digest[] written = new Digest[1];
        RegistryErrors.run(() -> {
            OpenedSource opened = null;
            try {
                Image input;
                if (from == null) {
                    input = RegistryLocation.pull(source, wanted, registry, cache.root(), spec.commandLine().getErr());
                } else {
                    opened = ImageTransports.read(from, wanted);
                    input = opened.only().image();
                }
                Image image = ImageConversion.convert(input, docker, layers, cache.blobs(),
                    Runtime.getRuntime().availableProcessors());
                if (to == null) {
                    written[0] = RegistryLocation.push(image, destination, registry, spec.commandLine().getErr());
                } else {
                    ImageTransports.write(to, image);
                    written[0] = image.manifest().digest();
                }
            } finally {
                if (opened != null) {
                    opened.close();
                }
            }
        });
        spec.commandLine().getOut().println(written[0]);
        return ExitCodes.OK;
    }

    /** {@code --all}: the whole tree, converted only when --format or --compression ask for a change. */
    private Integer copyAll(Transport from, Transport to, Boolean docker, Compression layers) {
        Digest[] written = new Digest[1];
        RegistryErrors.run(() -> {
            OpenedTree opened = null;
            try {
                ImageTree input;
                if (from == null) {
                    input = RegistryLocation.pullTree(source, registry, cache.root(), spec.commandLine().getErr());
                } else {
                    opened = ImageTransports.readTree(from);
                    input = opened.tree();
                }
                ImageTree tree = TreeConversion.convert(input, docker, layers, cache.blobs(),
                    Runtime.getRuntime().availableProcessors(), source);
                if (to == null) {
                    written[0] = RegistryLocation.push(tree, destination, registry, spec.commandLine().getErr());
                } else {
                    ImageTransports.write(to, tree);
                    written[0] = tree.digest();
                }
            } finally {
                if (opened != null) {
                    opened.close();
                }
            }
        });
        spec.commandLine().getOut().println(written[0]);
        return ExitCodes.OK;
    }
}
