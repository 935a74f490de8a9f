package dev.estiba.cli;

import dev.estiba.store.CacheMaintenance;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code estiba cache prune}: removes blobs no named image needs and nobody used lately. */
@Command(name = "prune", mixinStandardHelpOptions = true,
    description = {"Remove blobs that no image in the local store needs and that were not used within the "
        + "keep duration, and temporary files left by writers that died."})
final class CachePruneCommand implements Callable<Integer> {
    @Option(names = "--keep-duration", paramLabel = "DURATION", defaultValue = "1h",
        description = "Keep blobs used within this time, e.g. 30m, 24h, 7d (default: ${DEFAULT-VALUE}; 0s "
            + "removes every unneeded blob).")
    String keep;

    @Mixin
    CacheDirOption cache;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Duration duration;
        try {
            duration = Durations.parse(keep);
        } catch (IllegalArgumentException e) {
            throw Failures.of(e);
        }
        try {
            CacheMaintenance.Pruned p = new CacheMaintenance(cache.images()).prune(duration);
            spec.commandLine().getOut().println("Removed " + p.blobs() + " files, " + Sizes.human(p.bytes())
                + " reclaimed");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            throw Failures.of(e);
        }
    }
}
