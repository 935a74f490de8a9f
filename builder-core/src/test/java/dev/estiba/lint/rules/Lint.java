package dev.estiba.lint.rules;

import dev.estiba.lint.FileResult;
import dev.estiba.lint.Finding;
import dev.estiba.lint.LintConfig;
import dev.estiba.lint.Linter;
import dev.estiba.lint.Severity;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test helper: lints text with every rule on (ignore-by-default rules raised to info). */
final class Lint {
    private Lint() {
    }

    static LintConfig allOn(LintConfig base) {
        Map<String, Severity> o = new HashMap<>(base.overrides());
        o.putIfAbsent("DL1001", Severity.INFO);
        o.putIfAbsent("DL3057", Severity.INFO);
        return new LintConfig(base.ignored(), o, base.failureThreshold(), base.trustedRegistries(), base.labelSchema(),
            base.strictLabels(), base.disableIgnorePragma(), base.noFail());
    }

    static FileResult run(String text, LintConfig config, Path context) {
        return new Linter(allOn(config), Checks.all(null), Map.of("alpine:3.20", "linux/arm64")).lint("Dockerfile", text, context);
    }

    /** The positions ("line:col") of one rule's findings. */
    static List<String> positions(String rule, String text, LintConfig config, Path context) {
        return run(text, config, context).findings().stream().filter(f -> f.rule().equals(rule))
            .map(Lint::where).toList();
    }

    static String where(Finding f) {
        return f.range().line() + ":" + f.range().column();
    }
}
