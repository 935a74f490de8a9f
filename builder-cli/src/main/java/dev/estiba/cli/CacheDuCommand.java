package dev.estiba.cli;

import dev.estiba.store.CacheMaintenance;
import dev.estiba.store.CacheUsage;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code estiba cache du}: how much space the cache uses and how much of it named images need. */
@Command(name = "du", mixinStandardHelpOptions = true, description = "Show the space the cache uses.")
final class CacheDuCommand implements Callable<Integer> {
    @Mixin
    CacheDirOption cache;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            CacheUsage u = new CacheMaintenance(cache.images()).usage();
            out.printf("%-12s %s%n", "Cache:", cache.root());
            out.printf("%-12s %d%n", "Images:", u.images());
            out.printf("%-12s %d (%s)%n", "Blobs:", u.blobs(), Sizes.human(u.bytes()));
            out.printf("%-12s %d (%s)%n", "In use:", u.referencedBlobs(), Sizes.human(u.referencedBytes()));
            out.printf("%-12s %d (%s)%n", "Reclaimable:", u.blobs() - u.referencedBlobs(),
                Sizes.human(u.bytes() - u.referencedBytes()));
            out.printf("%-12s %d (%s)%n", "Temporary:", u.temporaryFiles(), Sizes.human(u.temporaryBytes()));
            out.flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            throw Failures.of(e);
        }
    }
}
