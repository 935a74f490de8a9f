package dev.estiba.lint;

import java.util.Locale;

/**
 * What the catalog knows of a rule.
 *
 * @param id the rule id
 * @param severity the default severity
 * @param summary one line saying what the rule flags
 * @param source where the rule comes from
 * @param experimental true when the rule runs only once enabled ({@code # check=experimental=...})
 */
public record RuleInfo(String id, Severity severity, String summary, RuleSource source, boolean experimental) {

    /** The page in this repository that documents the rule. */
    public String docsPath() {
        return source == RuleSource.SHELLCHECK ? "docs/lint.md#shellcheck" : "docs/lint/" + id + ".md";
    }

    /** The upstream documentation of the rule, or null when there is none. */
    public String upstreamUri() {
        return switch (source) {
            case BUILDKIT -> id.equals("InvalidBaseImagePlatform") ? null
                : "https://docs.docker.com/reference/build-checks/" + kebab(id) + "/";
            case HADOLINT -> "https://github.com/hadolint/hadolint/wiki/" + id;
            case SHELLCHECK -> "https://www.shellcheck.net/wiki/" + id;
            case ESTIBA -> null;
        };
    }

    private static String kebab(String pascal) {
        return pascal.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
