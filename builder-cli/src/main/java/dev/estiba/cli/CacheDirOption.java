package dev.estiba.cli;

import dev.estiba.store.BlobStore;
import dev.estiba.store.CacheLocation;
import dev.estiba.store.ImageStore;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --cache-dir}, shared by every command that uses the local store. */
final class CacheDirOption {
    @Option(names = "--cache-dir", paramLabel = "DIR",
        description = "Cache and local image store (default: $ESTIBA_CACHE, else $XDG_CACHE_HOME/estiba, "
            + "else ~/.cache/estiba).")
    String cacheDir;

    Path root() {
        return CacheLocation.resolve(FileSystems.getDefault(), cacheDir, System.getenv(),
            System.getProperty("user.home"));
    }

    BlobStore blobs() {
        return new BlobStore(root());
    }

    ImageStore images() {
        return new ImageStore(blobs());
    }
}
