package dev.estiba.lint;

/**
 * One problem found in a Dockerfile.
 *
 * @param rule the rule id ({@code DL3008}, {@code StageNameCasing}, {@code SC2086})
 * @param severity the severity after configuration
 * @param message what is wrong and what to do
 * @param range where it is
 */
public record Finding(String rule, Severity severity, String message, SourceRange range) {

    /** The same finding with another severity. */
    public Finding withSeverity(Severity s) {
        return new Finding(rule, s, message, range);
    }
}
