package dev.estiba.lint;

import java.util.List;

/**
 * The findings of one Dockerfile.
 *
 * @param file the file name as given (or {@code -} for standard input)
 * @param source the text that was linted (for showing source lines)
 * @param findings the findings after configuration and pragmas, ordered by position
 * @param rulesRun the rules that ran on the file
 */
public record FileResult(String file, String source, List<Finding> findings, List<RuleInfo> rulesRun) {

    public FileResult {
        findings = List.copyOf(findings);
        rulesRun = List.copyOf(rulesRun);
    }

    /** The text of a 1-based line, without its line ending ({@code \n} or {@code \r\n}); "" past the end. */
    public String sourceLine(int line) {
        // Found by scanning for line ends: the text report asks once per finding, and splitting the
        // whole source with a regular expression each time was a visible part of a one-file lint.
        if (line < 1) {
            return "";
        }
        int start = 0;
        for (int n = 1; n < line; n++) {
            int nl = source.indexOf('\n', start);
            if (nl < 0) {
                return "";
            }
            start = nl + 1;
        }
        int end = source.indexOf('\n', start);
        if (end < 0) {
            end = source.length();
        } else if (end > start && source.charAt(end - 1) == '\r') {
            end--;
        }
        return source.substring(start, end);
    }
}
