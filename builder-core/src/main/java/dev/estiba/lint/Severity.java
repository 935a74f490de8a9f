package dev.estiba.lint;

import java.util.Locale;

/** How serious a finding is, most serious first; {@link #IGNORE} findings are never reported. */
public enum Severity {
    ERROR, WARNING, INFO, STYLE, IGNORE;

    /** The lower-case name used in configuration and output ({@code warning}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this is at least as serious as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Parses a severity name as hadolint writes it; throws for anything else. */
    public static Severity parse(String s) {
        for (Severity v : values()) {
            if (v.label().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + s + "' (expected error, warning, info, style or ignore)");
    }
}
