package dev.estiba.cli;

import dev.estiba.format.ImageTransports;
import dev.estiba.format.OpenedSource;
import dev.estiba.format.OpenedTree;
import dev.estiba.format.Transport;
import dev.estiba.image.Digest;
import dev.estiba.image.Descriptor;
import dev.estiba.image.ImageIndex;
import dev.estiba.image.ImageTree;
import dev.estiba.image.Manifest;
import dev.estiba.image.Platform;
import dev.estiba.registry.BlobDirectory;
import dev.estiba.registry.ImagePusher;
import dev.estiba.registry.ImageReference;
import dev.estiba.registry.PlatformSelector;
import dev.estiba.registry.RegistryClient;
import dev.estiba.store.BlobStore;
import dev.estiba.store.ImageStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code estiba push IMAGE [REF...]}: pushes an image from the content store or an image location
 * ({@code oci:DIR[:TAG]}, {@code oci-archive:FILE}, {@code docker-archive:FILE}) to one or more references.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
    description = "Push an image from the local store or an image location to a registry; print its digest.")
public final class PushCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE",
        description = "A name in the local store, or oci:DIR[:TAG], oci-archive:FILE[:TAG], docker-archive:FILE.")
    String image;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "REF",
        description = "Where to push (several tags at once); default: IMAGE itself, for a store name.")
    List<String> references = new ArrayList<>();

    @Option(names = "--digestfile", paramLabel = "FILE", description = "Write the pushed manifest digest here.")
    Path digestFile;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
        description = "Push only this platform's image from a multi-platform index (default: the whole index, "
            + "every platform, the index last).")
    String platform;

    @Mixin
    CacheDirOption cache;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines (retries are still shown).")
    boolean quiet;

    @Mixin
    RegistryFlags registry;

    @Override
    public void run() {
        Map<String, String> env = System.getenv();
        Transport location = location(image);
        if (references.isEmpty() && location != null) {
            throw new InputException("estiba: push " + image + ": name the reference to push to");
        }
        List<String> refs = references.isEmpty() ? List.of(image) : references;
        Path cacheRoot = cache.root();
        Platform wanted;
        try {
            wanted = platform == null ? null : Platform.parse(platform);
        } catch (IllegalArgumentException e) {
            throw Failures.of(e);
        }
        RegistryErrors.run(() -> {
            List<ImageReference> targets = new ArrayList<>();
            for (String r : refs) {
                targets.add(ImageReference.parse(r));
            }
            RegistryClient client = RegistryClient.create(registry.options(env), registry.credentials(env),
                new RegistryProgress(spec.commandLine().getErr(), quiet));
            ImagePusher pusher = new ImagePusher(client);
            Digest digest;
            if (location != null && wanted != null) {
                try (OpenedSource source = ImageTransports.read(location, wanted)) {
                    digest = pusher.push(source.only().image(), targets, null);
                }
            } else if (location != null) {
                try (OpenedTree source = ImageTransports.readTree(location)) {
                    ImageTree tree = source.tree();
                    digest = pusher.push(tree.top().bytes(), tree.mediaType(), tree.blobs(), targets, null);
                }
            } else {
                BlobStore blobs = cache.blobs();
                Digest manifest = new ImageStore(blobs).resolve(image);
                if (manifest == null) {
                    throw new InputException("estiba: push: no image \"" + image + "\" in the local store " + cacheRoot);
                }
                byte[] bytes = blobs.read(manifest);
                Manifest parsed = Manifest.parse(bytes, image);
                if (wanted != null && parsed instanceof ImageIndex index) {
                    Descriptor chosen = PlatformSelector.select(index, wanted, image);
                    bytes = blobs.read(chosen.digest());
                    parsed = Manifest.parse(bytes, image + "@" + chosen.digest());
                }
                digest = pusher.push(bytes, parsed.effectiveMediaType(), new BlobDirectory(cacheRoot), targets, null);
            }
            if (digestFile != null) {
                Path tmp = Files.createTempFile(digestFile.toAbsolutePath().getParent(), ".digest-", ".tmp");
                try {
                    Files.writeString(tmp, digest.toString(), StandardCharsets.UTF_8);
                    Files.move(tmp, digestFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            spec.commandLine().getOut().println(digest);
        });
    }

    /** The image location IMAGE names, or null for a store name ({@code host:5000/a:1} is a name). */
    private static Transport location(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String prefix = text.substring(0, colon).toLowerCase(Locale.ROOT);
        for (Transport.Kind k : Transport.Kind.values()) {
            if (k.prefix().equals(prefix)) {
                try {
                    return Transport.parse(text);
                } catch (IllegalArgumentException e) {
                    throw Failures.of(e);
                }
            }
        }
        return null;
    }
}
