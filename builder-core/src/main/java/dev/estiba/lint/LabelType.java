package dev.estiba.lint;

import java.util.Locale;

/** The value a label schema requires of a label (hadolint's {@code label-schema} types). */
public enum LabelType {
    TEXT, URL, SEMVER, HASH, RFC3339, SPDX, EMAIL;

    /** Parses a type name as written in configuration ({@code rfc3339}). */
    public static LabelType parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown label type '" + s
                + "' (expected text, url, semver, hash, rfc3339, spdx or email)", e);
        }
    }
}
