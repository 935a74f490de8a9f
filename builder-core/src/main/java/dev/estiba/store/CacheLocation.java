package dev.estiba.store;

import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the cache lives: {@code --cache-dir}, else {@code ESTIBA_CACHE}, else {@code $XDG_CACHE_HOME/estiba},
 * else {@code ~/.cache/estiba}.
 */
public final class CacheLocation {
    private CacheLocation() {
    }

    /**
     * @param option the {@code --cache-dir} value, or null
     * @param environment the process environment
     * @param home the user's home directory
     */
    public static Path resolve(FileSystem fs, String option, Map<String, String> environment, String home) {
        if (option != null && !option.isEmpty()) {
            return fs.getPath(option);
        }
        String explicit = environment.get("ESTIBA_CACHE");
        if (explicit != null && !explicit.isEmpty()) {
            return fs.getPath(explicit);
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty()) {
            return fs.getPath(xdg, "estiba");
        }
        return fs.getPath(home, ".cache", "estiba");
    }
}
