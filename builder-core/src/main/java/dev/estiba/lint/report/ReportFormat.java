package dev.estiba.lint.report;

import java.util.Locale;

/** The output formats of {@code estiba lint --format}. */
public enum ReportFormat {
    TEXT, JSON, SARIF, CHECKSTYLE, GITHUB, GITLAB, JUNIT;

    /** The writer for this format. */
    public ReportWriter writer(boolean color) {
        return switch (this) {
            case TEXT -> new TextReport(color);
            case JSON -> new JsonReport();
            case SARIF -> new SarifReport();
            case CHECKSTYLE -> new CheckstyleReport();
            case GITHUB -> new GithubReport();
            case GITLAB -> new GitlabReport();
            case JUNIT -> new JunitReport();
        };
    }

    /** Parses a format name; hadolint's {@code tty} is text and {@code gitlab_codeclimate} is gitlab. */
    public static ReportFormat parse(String s) {
        String n = s.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "tty" -> TEXT;
            case "gitlab_codeclimate" -> GITLAB;
            default -> {
                try {
                    yield valueOf(n.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown format '" + s
                        + "' (expected text, json, sarif, checkstyle, github, gitlab or junit)", e);
                }
            }
        };
    }
}
