package dev.estiba.lint;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads {@code .estiba.yaml} and hadolint's {@code .hadolint.yaml}, which share one format, so a
 * project moving from hadolint keeps its file as it is. Keys estiba does not use ({@code format},
 * {@code no-color}, {@code verbose}) are accepted and left to the command line.
 */
public final class LintConfigFile {
    /** Names looked for in the working directory, in order; the first found is used alone. */
    public static final List<String> LOCAL_NAMES =
        List.of(".estiba.yaml", ".estiba.yml", ".hadolint.yaml", ".hadolint.yml");

    private LintConfigFile() {
    }

    /**
     * The configuration file that applies in {@code dir}: a local file, else hadolint's per-user
     * places ({@code $XDG_CONFIG_HOME/hadolint.yaml}, {@code ~/.config/hadolint.yaml}, {@code ~/.hadolint.yaml}).
     */
    public static Optional<Path> find(Path dir, Map<String, String> env, Path home) {
        List<Path> candidates = new ArrayList<>();
        for (String n : LOCAL_NAMES) {
            candidates.add(dir.resolve(n));
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isEmpty()) {
            candidates.add(Path.of(xdg, "hadolint.yaml"));
        }
        if (home != null) {
            candidates.add(home.resolve(".config/hadolint.yaml"));
            candidates.add(home.resolve(".hadolint/hadolint.yaml"));
            candidates.add(home.resolve(".hadolint.yaml"));
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    /** Reads a configuration file over {@code base}. */
    public static LintConfig read(Path file, LintConfig base) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object doc = new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromReader(r);
            return apply(file.toString(), doc, base);
        } catch (IOException e) {
            throw new LintConfigException(file + ": cannot read: " + e.getMessage(), e);
        } catch (YamlEngineException e) {
            throw new LintConfigException(file + ": not valid YAML: " + e.getMessage(), e);
        }
    }

    /** Reads configuration text (for tests and stdin) over {@code base}. */
    public static LintConfig parse(String name, String yaml, LintConfig base) {
        try {
            Object doc = new Load(LoadSettings.builder().setLabel(name).build()).loadFromString(yaml);
            return apply(name, doc, base);
        } catch (YamlEngineException e) {
            throw new LintConfigException(name + ": not valid YAML: " + e.getMessage(), e);
        }
    }

    private static LintConfig apply(String name, Object doc, LintConfig base) {
        if (doc == null) {
            return base;
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new LintConfigException(name + ": expected a mapping of settings at the top");
        }
        Set<String> ignored = new LinkedHashSet<>(base.ignored());
        Map<String, Severity> overrides = new HashMap<>(base.overrides());
        Severity threshold = base.failureThreshold();
        List<String> trusted = new ArrayList<>(base.trustedRegistries());
        Map<String, LabelType> schema = new LinkedHashMap<>(base.labelSchema());
        boolean strict = base.strictLabels();
        boolean noPragma = base.disableIgnorePragma();
        boolean noFail = base.noFail();
        try {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                Object v = e.getValue();
                switch (key) {
                    case "ignored" -> ignored.addAll(strings(key, v));
                    case "override" -> {
                        for (Map.Entry<?, ?> o : mapping(key, v).entrySet()) {
                            Severity s = Severity.parse(String.valueOf(o.getKey()));
                            for (String id : strings(key + "." + o.getKey(), o.getValue())) {
                                overrides.put(id, s);
                            }
                        }
                    }
                    case "failure-threshold" -> threshold = threshold(String.valueOf(v));
                    case "trustedRegistries" -> trusted.addAll(strings(key, v));
                    case "label-schema" -> {
                        for (Map.Entry<?, ?> l : mapping(key, v).entrySet()) {
                            schema.put(String.valueOf(l.getKey()), LabelType.parse(String.valueOf(l.getValue())));
                        }
                    }
                    case "strict-labels" -> strict = bool(key, v);
                    case "disable-ignore-pragma" -> noPragma = bool(key, v);
                    case "no-fail" -> noFail = bool(key, v);
                    default -> {
                        // format, no-color, verbose and unknown keys: for the command line, or not ours
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new LintConfigException(name + ": " + e.getMessage(), e);
        }
        return new LintConfig(ignored, overrides, threshold, trusted, schema, strict, noPragma, noFail);
    }

    /** Parses a failure threshold; {@code none} gives null (never fail). */
    public static Severity threshold(String s) {
        return s.trim().equalsIgnoreCase("none") ? null : Severity.parse(s);
    }

    private static List<String> strings(String key, Object v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (v instanceof String s) {
            return List.of(s);
        }
        throw new IllegalArgumentException(key + ": expected a list of strings");
    }

    private static Map<?, ?> mapping(String key, Object v) {
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException(key + ": expected a mapping");
    }

    private static boolean bool(String key, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(key + ": expected true or false");
    }
}
