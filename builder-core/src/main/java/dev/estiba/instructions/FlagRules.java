package dev.estiba.instructions;

import dev.estiba.grammar.Suggestions;
import dev.estiba.grammar.tree.Flag;
import dev.estiba.grammar.tree.Keyword;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which flags each instruction takes and how they are written, after BuildKit's {@code BFlags}:
 * string and list flags need {@code =value}; booleans are bare or {@code =true|false} (any case);
 * only list flags may repeat; a bare {@code --} ends the flags.
 */
final class FlagRules {
    enum Kind { BOOL, STRING, LIST }

    private static final Map<Keyword, Map<String, Kind>> ALLOWED = new EnumMap<>(Keyword.class);

    static {
        ALLOWED.put(Keyword.FROM, ordered("platform", Kind.STRING));
        ALLOWED.put(Keyword.RUN, ordered("mount", Kind.LIST, "network", Kind.STRING, "security", Kind.STRING,
            "device", Kind.LIST));
        ALLOWED.put(Keyword.COPY, ordered("from", Kind.STRING, "chown", Kind.STRING, "chmod", Kind.STRING,
            "link", Kind.BOOL, "parents", Kind.BOOL, "exclude", Kind.LIST));
        ALLOWED.put(Keyword.ADD, ordered("chown", Kind.STRING, "chmod", Kind.STRING, "link", Kind.BOOL,
            "keep-git-dir", Kind.BOOL, "checksum", Kind.STRING, "unpack", Kind.BOOL, "exclude", Kind.LIST));
        ALLOWED.put(Keyword.HEALTHCHECK, ordered("interval", Kind.STRING, "timeout", Kind.STRING,
            "start-period", Kind.STRING, "start-interval", Kind.STRING, "retries", Kind.STRING));
    }

    private FlagRules() {
    }

    private static Map<String, Kind> ordered(Object... pairs) {
        Map<String, Kind> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Kind) pairs[i + 1]);
        }
        return m;
    }

    /** The flags, checked against what {@code keyword} accepts. */
    static Parsed parse(Keyword keyword, List<Flag> flags, Origin origin) {
        Map<String, Kind> allowed = ALLOWED.getOrDefault(keyword, Map.of());
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Flag f : flags) {
            String name = f.name();
            if (name.isEmpty()) {
                break; // a bare "--" ends the flags
            }
            Kind kind = allowed.get(name);
            if (kind == null) {
                throw new InstructionException(origin, unknown(keyword, name, allowed));
            }
            if (values.containsKey(name) && kind != Kind.LIST) {
                throw new InstructionException(origin, "duplicate flag specified: --" + name);
            }
            Optional<String> value = f.value();
            String stored;
            if (kind == Kind.BOOL) {
                if (value.isPresent() && value.get().isEmpty()) {
                    throw new InstructionException(origin, "missing a value on flag: --" + name);
                }
                String lower = value.orElse("true").toLowerCase(Locale.ROOT);
                if (!lower.equals("true") && !lower.equals("false")) {
                    throw new InstructionException(origin,
                        "expecting boolean value for flag --" + name + ", not: " + value.get());
                }
                stored = lower;
            } else {
                if (value.isEmpty()) {
                    throw new InstructionException(origin, "missing a value on flag: --" + name
                        + " (write --" + name + "=VALUE)");
                }
                stored = value.get();
            }
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(stored);
        }
        return new Parsed(values);
    }

    private static String unknown(Keyword keyword, String name, Map<String, Kind> allowed) {
        List<Keyword> owners = new ArrayList<>();
        ALLOWED.forEach((k, m) -> {
            if (m.containsKey(name)) {
                owners.add(k);
            }
        });
        if (!owners.isEmpty()) {
            return "flag --" + name + " is not allowed on " + keyword + " (only on "
                + String.join(", ", owners.stream().map(Keyword::name).toList()) + ")";
        }
        int maxDistance = Math.max(2, name.length() / 3);
        String best = Suggestions.closest(name, allowed.keySet(), candidate -> maxDistance);
        String message = "unknown flag: --" + name;
        if (best != null) {
            message += " (did you mean --" + best + "?)";
        } else if (allowed.isEmpty()) {
            message += " (" + keyword + " takes no flags)";
        }
        return message;
    }

    /** The flags of one instruction after checking. */
    record Parsed(Map<String, List<String>> values) {
        Optional<String> string(String name) {
            List<String> v = values.get(name);
            return v == null ? Optional.empty() : Optional.of(v.get(0));
        }

        boolean bool(String name) {
            return string(name).map(Boolean::parseBoolean).orElse(false);
        }

        Optional<Boolean> optionalBool(String name) {
            return string(name).map(Boolean::parseBoolean);
        }

        List<String> list(String name) {
            return values.getOrDefault(name, List.of());
        }
    }
}
