package dev.estiba.lint;

/** Where a rule comes from, which decides its upstream documentation link. */
public enum RuleSource {
    /** BuildKit's build checks, named in PascalCase. */
    BUILDKIT,
    /** hadolint's DL rules. */
    HADOLINT,
    /** ShellCheck's SC codes, run through the shellcheck binary. */
    SHELLCHECK,
    /** estiba's own (the parse error). */
    ESTIBA
}
