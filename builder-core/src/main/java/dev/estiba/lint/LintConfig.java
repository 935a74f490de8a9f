package dev.estiba.lint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a lint run is set up: what the configuration file and command line say, merged.
 *
 * @param ignored rule ids never reported
 * @param overrides rule id to the severity that replaces its default
 * @param failureThreshold the least severity that fails the run; null for never ({@code none})
 * @param trustedRegistries registry globs FROM may use (DL3026 runs only when this is not empty)
 * @param labelSchema label name to the value it must hold (DL3049, DL3050, DL3051-DL3058)
 * @param strictLabels whether labels outside the schema are reported (DL3050)
 * @param disableIgnorePragma whether inline ignore pragmas are disregarded
 * @param noFail whether the run never fails because of findings
 */
public record LintConfig(Set<String> ignored, Map<String, Severity> overrides, Severity failureThreshold,
                         List<String> trustedRegistries, Map<String, LabelType> labelSchema,
                         boolean strictLabels, boolean disableIgnorePragma, boolean noFail) {

    public LintConfig {
        ignored = Set.copyOf(ignored);
        overrides = Map.copyOf(overrides);
        trustedRegistries = List.copyOf(trustedRegistries);
        labelSchema = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labelSchema));
    }

    /** hadolint's defaults: nothing ignored, failure threshold info. */
    public static LintConfig defaults() {
        return new LintConfig(Set.of(), Map.of(), Severity.INFO, List.of(), Map.of(), false, false, false);
    }

    /** The severity a rule has under this configuration. */
    public Severity severityOf(String rule, Severity byDefault) {
        return overrides.getOrDefault(rule, byDefault);
    }

    /** Whether findings of this severity fail the run. */
    public boolean fails(Severity s) {
        return !noFail && failureThreshold != null && s != Severity.IGNORE && s.atLeast(failureThreshold);
    }
}
