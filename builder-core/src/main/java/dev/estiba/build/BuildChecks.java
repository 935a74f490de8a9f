package dev.estiba.build;

import dev.estiba.lint.FileResult;
import dev.estiba.lint.Finding;
import dev.estiba.lint.LintConfig;
import dev.estiba.lint.Linter;
import dev.estiba.lint.RuleCatalog;
import dev.estiba.lint.RuleInfo;
import dev.estiba.lint.RuleSource;
import dev.estiba.lint.Severity;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The BuildKit build checks a build runs before it starts, through the {@link Linter} with every rule but
 * BuildKit's ignored; the {@code # check=} directive (skip, error, experimental) applies as in {@code estiba lint}.
 */
final class BuildChecks {
    private static final Linter LINTER = new Linter(buildKitOnly(), null);

    private BuildChecks() {
    }

    private static LintConfig buildKitOnly() {
        Set<String> others = new HashSet<>();
        for (RuleInfo r : RuleCatalog.all()) {
            if (r.source() != RuleSource.BUILDKIT && !r.id().equals(RuleCatalog.PARSE_ERROR)) {
                others.add(r.id());
            }
        }
        LintConfig d = LintConfig.defaults();
        return new LintConfig(others, d.overrides(), d.failureThreshold(), d.trustedRegistries(), d.labelSchema(),
            d.strictLabels(), d.disableIgnorePragma(), d.noFail());
    }

    /**
     * Lints the Dockerfile's text.
     *
     * @throws BuildException when the text does not parse or its check directive is malformed
     */
    static FileResult run(String file, String text, Path context) throws BuildException {
        FileResult r = LINTER.lint(file, text, context);
        for (Finding f : r.findings()) {
            if (f.rule().equals(RuleCatalog.PARSE_ERROR)) {
                throw new BuildException(file + ":" + f.range().line() + ": " + f.message(), null);
            }
        }
        return r;
    }

    /** Whether {@code # check=error=true} turns these findings into a failure (the Linter raised them to errors). */
    static boolean failing(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /** BuildKit's failure message: {@code lint violation found for rules: A, B}. */
    static String violation(List<Finding> findings) {
        return "lint violation found for rules: "
            + findings.stream().map(Finding::rule).distinct().collect(Collectors.joining(", "));
    }
}
