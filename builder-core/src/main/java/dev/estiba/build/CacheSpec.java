package dev.estiba.build;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A registry cache, as buildx's {@code --cache-to} and {@code --cache-from} name it:
 * {@code type=registry,ref=REF[,mode=min|max]}, or a bare {@code REF}. See docs/cache-remote.md.
 *
 * @param ref the image reference the cache artifact is stored under
 * @param mode which steps an export carries (an import ignores it)
 */
public record CacheSpec(String ref, Mode mode) {

    /** Which steps {@code --cache-to} exports. */
    public enum Mode {
        /** The steps whose layers are in the final image: the target stage and the stages it is FROM. */
        MIN,
        /** Every step of every stage the build ran, intermediate stages included. */
        MAX
    }

    public CacheSpec {
        if (ref == null || ref.isEmpty()) {
            throw new IllegalArgumentException("a registry cache needs a ref");
        }
        mode = mode == null ? Mode.MIN : mode;
    }

    /** A cache at this reference, exported in {@code min} mode. */
    public static CacheSpec of(String ref) {
        return new CacheSpec(ref, Mode.MIN);
    }

    /**
     * Parses a {@code --cache-to} ({@code export}) or {@code --cache-from} value.
     *
     * @throws IllegalArgumentException naming the flag, the value and what is wrong
     */
    public static CacheSpec parse(String spec, boolean export) {
        String flag = export ? "--cache-to" : "--cache-from";
        if (!spec.contains("=")) {
            return of(spec.trim());
        }
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("invalid " + flag + " \"" + spec + "\": \"" + part
                    + "\" is not KEY=VALUE");
            }
            kv.put(part.substring(0, eq).trim().toLowerCase(Locale.ROOT), part.substring(eq + 1).trim());
        }
        String type = kv.getOrDefault("type", "registry");
        if (!type.equals("registry")) {
            throw new IllegalArgumentException("invalid " + flag + " \"" + spec + "\": type \"" + type
                + "\" is not supported (only registry)");
        }
        String ref = kv.get("ref");
        if (ref == null || ref.isEmpty()) {
            throw new IllegalArgumentException("invalid " + flag + " \"" + spec + "\": missing ref=");
        }
        Mode mode = Mode.MIN;
        for (Map.Entry<String, String> e : kv.entrySet()) {
            switch (e.getKey()) {
                case "type", "ref" -> {
                }
                case "mode" -> {
                    if (!export) {
                        throw new IllegalArgumentException("invalid " + flag + " \"" + spec
                            + "\": mode= is for --cache-to only");
                    }
                    mode = switch (e.getValue()) {
                        case "min" -> Mode.MIN;
                        case "max" -> Mode.MAX;
                        default -> throw new IllegalArgumentException("invalid " + flag + " \"" + spec
                            + "\": mode must be min or max");
                    };
                }
                default -> throw new IllegalArgumentException("invalid " + flag + " \"" + spec + "\": unknown key \""
                    + e.getKey() + "\"");
            }
        }
        return new CacheSpec(ref, mode);
    }
}
