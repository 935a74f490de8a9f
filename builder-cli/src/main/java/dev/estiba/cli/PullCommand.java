package dev.estiba.cli;

import dev.estiba.format.Transport;
import dev.estiba.format.ocilayout.OciLayoutWriter;
import dev.estiba.image.ImageTree;
import dev.estiba.image.Platform;
import dev.estiba.registry.BlobDirectory;
import dev.estiba.registry.ImagePuller;
import dev.estiba.registry.ImageReference;
import dev.estiba.registry.ImageTreePuller;
import dev.estiba.registry.PlatformSelector;
import dev.estiba.registry.PulledImage;
import dev.estiba.registry.RemoteManifest;
import dev.estiba.registry.RegistryClient;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code estiba pull REF}: fetches an image from a registry into the content store (and an OCI layout). */
@Command(name = "pull", mixinStandardHelpOptions = true,
    description = "Pull an image from a registry into the local store; print its manifest digest.")
public final class PullCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REF", description = "The image, as docker names it (busybox:1.36, "
        + "ghcr.io/o/r@sha256:...).")
    String reference;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
        description = "The platform to pull from a multi-platform image (default: this machine's).")
    String platform;

    @Option(names = {"-a", "--all"}, description = "Pull every platform of a multi-platform image and keep its index "
        + "(the name then stands for the whole index, which estiba push sends whole).")
    boolean all;

    @Option(names = "--output", paramLabel = "oci:DIR[:TAG]",
        description = "Also write the image into an OCI layout (tag defaults to the reference's).")
    String output;

    @Mixin
    CacheDirOption cache;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines (retries are still shown).")
    boolean quiet;

    @Mixin
    RegistryFlags registry;

    @Override
    public void run() {
        Map<String, String> env = System.getenv();
        Platform wanted;
        try {
            wanted = platform == null ? PlatformSelector.host() : Platform.parse(platform);
        } catch (IllegalArgumentException e) {
            throw Failures.of(e);
        }
        if (all && platform != null) {
            throw new InputException("estiba: pull: --all pulls every platform; leave out --platform " + platform);
        }
        Transport layout = null;
        if (output != null) {
            try {
                layout = Transport.parse(output);
            } catch (IllegalArgumentException e) {
                throw Failures.of(e);
            }
            if (layout.kind() != Transport.Kind.OCI) {
                throw new InputException("estiba: pull --output: only oci:DIR[:TAG] is supported, not " + output);
            }
        }
        Transport target = layout;
        Path cacheRoot = cache.root();
        RegistryErrors.run(() -> {
            ImageReference ref = ImageReference.parse(reference);
            RegistryProgress progress = new RegistryProgress(spec.commandLine().getErr(), quiet);
            RegistryClient client = RegistryClient.create(registry.options(env), registry.credentials(env), progress);
            BlobDirectory blobs = new BlobDirectory(cacheRoot);
            if (all) {
                RemoteManifest top = new ImageTreePuller(client, progress).pull(ref, blobs);
                if (ref.tag() != null) {
                    cache.images().tag(ref.name() + ":" + ref.tag(), top.digest());
                }
                if (target != null) {
                    String tag = target.reference() != null ? target.reference() : ref.tag();
                    OciLayoutWriter.write(Path.of(target.path()), ImageTree.read(top.bytes(), blobs, reference), tag);
                }
                spec.commandLine().getOut().println(top.digest());
                return;
            }
            PulledImage pulled = new ImagePuller(client, progress).pull(ref, wanted, blobs);
            if (ref.tag() != null) {
                cache.images().tag(ref.name() + ":" + ref.tag(), pulled.manifest().digest());
            }
            if (target != null) {
                String tag = target.reference() != null ? target.reference() : ref.tag();
                OciLayoutWriter.write(Path.of(target.path()), pulled.image(blobs), tag);
            }
            spec.commandLine().getOut().println(pulled.manifest().digest());
        });
    }
}
