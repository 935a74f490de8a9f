package dev.estiba.instructions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code RUN --mount=...}, parsed as BuildKit does: a CSV record of {@code key=value} options
 * (keys case-insensitive), {@code type} first or anywhere, defaults filled in.
 *
 * @param text the flag value as written
 * @param type the mount type ({@code bind} by default)
 * @param target where it is mounted, relative to the working directory; empty means the working
 *     directory itself (BuildKit joins it with WORKDIR)
 * @param source {@code source}/{@code src}: a path in {@code from}, or a secret id alias
 * @param from {@code from}: a stage, named context or image
 * @param readOnly read-only (bind, secret and ssh by default; cache and tmpfs are writable)
 * @param id cache, secret or ssh id, defaults applied
 * @param sharing cache sharing mode ({@code shared}, {@code private}, {@code locked})
 * @param mode file mode (cache, secret and ssh)
 * @param uid owner uid (cache, secret and ssh)
 * @param gid owner gid (cache, secret and ssh)
 * @param size tmpfs size in bytes
 * @param required secret or ssh must be supplied
 * @param env secret exposed as this environment variable
 */
public record Mount(String text, Type type, Optional<String> target, Optional<String> source, Optional<String> from,
                    boolean readOnly, Optional<String> id, Optional<String> sharing, Optional<Integer> mode,
                    Optional<Long> uid, Optional<Long> gid, Optional<Long> size, boolean required,
                    Optional<String> env) {

    /** The mount types. */
    public enum Type {
        BIND, CACHE, TMPFS, SECRET, SSH;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?");

    /**
     * Parses a {@code --mount} value, expanding each option value but {@code from} with {@code expand}.
     *
     * @throws IllegalArgumentException with a message naming the bad option
     */
    public static Mount parse(String text, UnaryOperator<String> expand) {
        return parse(text, expand, false);
    }

    /**
     * Parses without expanding; values holding a {@code $} (expanded later) are not checked yet.
     */
    static Mount parseUnexpanded(String text) {
        return parse(text, v -> v, true);
    }

    private static Mount parse(String text, UnaryOperator<String> expand, boolean lenient) {
        List<String> fields = csv(text);
        Type type = Type.BIND;
        for (String field : fields) {
            int eq = field.indexOf('=');
            if (eq >= 0 && field.substring(0, eq).trim().equalsIgnoreCase("type")) {
                String v = expand.apply(field.substring(eq + 1));
                if (lenient && v.contains("$")) {
                    continue;
                }
                type = switch (v.toLowerCase(Locale.ROOT)) {
                    case "bind" -> Type.BIND;
                    case "cache" -> Type.CACHE;
                    case "tmpfs" -> Type.TMPFS;
                    case "secret" -> Type.SECRET;
                    case "ssh" -> Type.SSH;
                    default -> throw bad(text, "unsupported mount type \"" + v
                        + "\" (bind, cache, tmpfs, secret or ssh)");
                };
            }
        }
        Optional<String> target = Optional.empty();
        Optional<String> source = Optional.empty();
        Optional<String> from = Optional.empty();
        Optional<Boolean> readOnly = Optional.empty();
        Optional<String> id = Optional.empty();
        Optional<String> sharing = Optional.empty();
        Optional<Integer> mode = Optional.empty();
        Optional<Long> uid = Optional.empty();
        Optional<Long> gid = Optional.empty();
        Optional<Long> size = Optional.empty();
        Optional<String> env = Optional.empty();
        boolean required = false;
        boolean secretOrSsh = type == Type.SECRET || type == Type.SSH;
        for (String field : fields) {
            int eq = field.indexOf('=');
            String key = (eq < 0 ? field : field.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            if (eq < 0) {
                switch (key) {
                    case "readonly", "ro" -> readOnly = Optional.of(true);
                    case "readwrite", "rw" -> readOnly = Optional.of(false);
                    case "required" -> {
                        if (!secretOrSsh) {
                            throw bad(text, "unexpected key 'required' for mount type '" + type + "'");
                        }
                        required = true;
                    }
                    default -> throw bad(text, "invalid field '" + field + "': must be a key=value pair");
                }
                continue;
            }
            String raw = field.substring(eq + 1);
            if (key.equals("from")) {
                if (raw.contains("$")) {
                    throw bad(text, "'from' doesn't support variable expansion, define alias stage instead");
                }
                from = Optional.of(raw);
                continue;
            }
            String value = expand.apply(raw);
            boolean unchecked = lenient && value.contains("$");
            switch (key) {
                case "type" -> {
                    // read above
                }
                case "source", "src" -> source = Optional.of(value);
                case "target", "dst", "destination" -> target = Optional.of(value);
                case "readonly", "ro" -> readOnly = Optional.of(unchecked || bool(text, key, value));
                case "readwrite", "rw" -> readOnly = Optional.of(!unchecked && !bool(text, key, value));
                case "required" -> {
                    if (!secretOrSsh) {
                        throw bad(text, "unexpected key 'required' for mount type '" + type + "'");
                    }
                    required = unchecked || bool(text, key, value);
                }
                case "id" -> id = Optional.of(value);
                case "sharing" -> {
                    if (!unchecked && !value.equals("shared") && !value.equals("private") && !value.equals("locked")) {
                        throw bad(text, "unsupported sharing value \"" + value + "\" (shared, private or locked)");
                    }
                    sharing = Optional.of(value);
                }
                case "mode" -> {
                    if (!unchecked) {
                        mode = Optional.of((int) number(text, key, value, 8, 0xFFFFFFFFL));
                    }
                }
                case "uid" -> {
                    if (!unchecked) {
                        uid = Optional.of(number(text, key, value, 10, 0xFFFFFFFFL));
                    }
                }
                case "gid" -> {
                    if (!unchecked) {
                        gid = Optional.of(number(text, key, value, 10, 0xFFFFFFFFL));
                    }
                }
                case "size" -> {
                    if (type != Type.TMPFS) {
                        throw bad(text, "unexpected key 'size' for mount type '" + type + "'");
                    }
                    if (!unchecked) {
                        size = Optional.of(bytes(text, value));
                    }
                }
                case "env" -> {
                    if (type != Type.SECRET) {
                        throw bad(text, "unexpected key 'env' for mount type '" + type + "'");
                    }
                    env = Optional.of(value);
                }
                default -> throw bad(text, "unexpected key '" + key + "' in '" + field + "'");
            }
        }
        boolean fileInfo = type == Type.CACHE || type == Type.SECRET || type == Type.SSH;
        if (!fileInfo && (mode.isPresent() || uid.isPresent() || gid.isPresent())) {
            String which = mode.isPresent() ? "mode" : uid.isPresent() ? "uid" : "gid";
            throw bad(text, which + " not allowed for \"" + type + "\" type mounts");
        }
        if (sharing.isPresent() && type != Type.CACHE) {
            throw bad(text, "sharing is only allowed for cache mounts");
        }
        if (type == Type.SECRET) {
            if (from.isPresent()) {
                throw bad(text, "secret mount should not have a from");
            }
            if (source.isPresent() && id.isPresent()) {
                throw bad(text, "both source and id can't be set");
            }
            if (source.isPresent()) {
                id = source;
                source = Optional.empty();
            }
            if (id.isEmpty() && target.isEmpty() && env.isEmpty()) {
                throw bad(text, "invalid secret mount: one of source, id, target or env is required");
            }
            if (id.isEmpty()) {
                id = target.map(Mount::basename);
            }
            if (target.isEmpty() && env.isEmpty()) {
                target = Optional.of("/run/secrets/" + id.orElseThrow());
            }
        } else if (type == Type.SSH) {
            if (id.isEmpty()) {
                id = Optional.of("default");
            }
        } else if (type == Type.CACHE && id.isEmpty()) {
            id = target;
        }
        boolean ro = readOnly.orElse(type != Type.CACHE && type != Type.TMPFS);
        return new Mount(text, type, target, source, from, ro, id, sharing, mode, uid, gid, size, required, env);
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("invalid --mount=" + text + ": " + why);
    }

    private static boolean bool(String text, String key, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return switch (v) {
            case "1", "t", "true" -> true;
            case "0", "f", "false" -> false;
            default -> throw bad(text, "invalid value for " + key + ": " + value);
        };
    }

    private static long number(String text, String key, String value, int radix, long max) {
        try {
            long v = Long.parseLong(value, radix);
            if (v < 0 || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(text, "invalid value " + value + " for " + key
                + (radix == 8 ? " (an octal mode such as 0755)" : " (a number)"));
        }
    }

    private static long bytes(String text, String value) {
        Matcher m = SIZE.matcher(value);
        if (!m.matches()) {
            throw bad(text, "invalid size: '" + value + "'");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        long scale = switch (unit) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            case "t" -> 1L << 40;
            case "p" -> 1L << 50;
            default -> 1L;
        };
        return (long) (n * scale);
    }

    private static String basename(String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** Splits a CSV record: commas separate fields, double quotes group, {@code ""} is a quote. */
    static List<String> csv(String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw bad(text, "unterminated quote");
        }
        fields.add(cur.toString());
        fields.removeIf(String::isEmpty);
        return fields;
    }
}
