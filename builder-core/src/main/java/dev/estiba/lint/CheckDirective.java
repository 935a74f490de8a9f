package dev.estiba.lint;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * BuildKit's {@code # check=skip=A,B;error=true;experimental=C} directive.
 *
 * @param skip rule names skipped, or {@code all}
 * @param error whether findings fail the run
 * @param experimental experimental rules turned on (they win over skip), or {@code all}
 * @param line the directive's line, 0 when absent
 */
public record CheckDirective(Set<String> skip, boolean error, Set<String> experimental, int line) {
    /** No directive. */
    public static final CheckDirective NONE = new CheckDirective(Set.of(), false, Set.of(), 0);

    public CheckDirective {
        skip = Set.copyOf(skip);
        experimental = Set.copyOf(experimental);
    }

    /** Parses the value after {@code check=}; throws {@link LintConfigException} for an unknown key. */
    public static CheckDirective parse(String value, int line) {
        Set<String> skip = new LinkedHashSet<>();
        Set<String> experimental = new LinkedHashSet<>();
        boolean error = false;
        for (String part : value.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = (eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String v = eq < 0 ? "" : part.substring(eq + 1).strip();
            switch (key) {
                case "skip" -> skip.addAll(names(v));
                case "experimental" -> experimental.addAll(names(v));
                case "error" -> {
                    if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                        throw new LintConfigException("line " + line + ": check: error must be true or false, not '" + v + "'");
                    }
                    error = v.equalsIgnoreCase("true");
                }
                default -> throw new LintConfigException("line " + line + ": invalid check option '" + key + "'");
            }
        }
        return new CheckDirective(skip, error, experimental, line);
    }

    private static Set<String> names(String list) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : list.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** Whether a rule runs under this directive. */
    public boolean enables(RuleInfo rule) {
        if (experimental.contains("all") || experimental.contains(rule.id())) {
            return true;
        }
        if (rule.experimental()) {
            return false;
        }
        return !skip.contains(rule.id()) && !(skip.contains("all") && rule.source() == RuleSource.BUILDKIT);
    }
}
