package dev.estiba.cli;

import dev.estiba.format.ImageTransports;
import dev.estiba.format.NamedImage;
import dev.estiba.format.OpenedSource;
import dev.estiba.image.Digest;
import dev.estiba.store.ImageStore;
import dev.estiba.store.StoredImages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code estiba load FILE}: puts the images of a docker-save or OCI archive into the local store. */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = {"Load the images of a tar (docker save in any shape, or an OCI archive; gzip or zstd "
        + "compressed too) into the local store under their names."})
final class LoadCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The archive.")
    Path file;

    @Option(names = {"-t", "--tag"}, paramLabel = "NAME[:TAG]",
        description = "Name for the image (the archive must hold one image); added to the names it has.")
    String tag;

    @Mixin
    CacheDirOption cache;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ImageStore store = cache.images();
        try (OpenedSource opened = ImageTransports.readArchive(file)) {
            if (tag != null) {
                ImageStore.normalize(tag);
                long distinct = opened.images().stream().map(n -> n.image().manifest().digest()).distinct().count();
                if (distinct != 1) {
                    throw new InputException("estiba: " + file + " holds " + distinct + " images; -t names only one");
                }
            }
            for (NamedImage named : opened.images()) {
                Digest manifest = StoredImages.put(store.blobs(), named.image());
                if (named.name() != null) {
                    store.tag(named.name(), manifest);
                    out.println("Loaded image: " + ImageStore.normalize(named.name()));
                } else if (tag == null) {
                    out.println("Loaded image ID: " + named.image().id()
                        + " (no name; give one with -t, or cache prune may remove it)");
                }
            }
            if (tag != null) {
                store.tag(tag, StoredImages.put(store.blobs(), opened.only().image()));
                out.println("Loaded image: " + ImageStore.normalize(tag));
            }
            out.flush();
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            throw Failures.of(e);
        } catch (IOException e) {
            throw Failures.of(e);
        }
    }
}
