package dev.estiba.cli;

import dev.estiba.store.CacheLocation;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the content store is, and how much progress to show: shared by pull and push. */
final class StoreFlags {
    @Option(names = "--cache-dir", paramLabel = "DIR",
        description = "The content store (default $ESTIBA_CACHE, $XDG_CACHE_HOME/estiba or ~/.cache/estiba).")
    String cacheDir;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines (retries are still shown).")
    boolean quiet;

    Path cache(Map<String, String> environment) {
        return CacheLocation.resolve(FileSystems.getDefault(), cacheDir, environment, System.getProperty("user.home"));
    }
}
