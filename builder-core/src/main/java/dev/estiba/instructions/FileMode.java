package dev.estiba.instructions;

import java.util.regex.Pattern;

/**
 * The {@code --chmod} of COPY and ADD: octal ({@code 755}, {@code 0644}, at most {@code 7777}) or
 * symbolic as chmod(1) writes it ({@code +x}, {@code u=rwX,go=rX}, {@code a-w}, {@code g=u}).
 *
 * @param text the value as given (after expansion)
 * @param octal the mode bits when the value is octal, otherwise -1 (a symbolic mode applies to
 *     each file's existing mode)
 */
public record FileMode(String text, int octal) {
    private static final Pattern OCTAL = Pattern.compile("[0-7]+");
    private static final Pattern SYMBOLIC_CLAUSE = Pattern.compile("[ugoa]*([-+=]([rwxXst]*|[ugo]))+");

    /** True for a symbolic mode. */
    public boolean symbolic() {
        return octal < 0;
    }

    /**
     * Parses a mode.
     *
     * @throws IllegalArgumentException naming the value when it is neither form
     */
    public static FileMode parse(String text) {
        if (OCTAL.matcher(text).matches()) {
            long v = Long.parseLong(text.length() > 12 ? "77777" : text, 8);
            if (v > 07777) {
                throw new IllegalArgumentException("invalid --chmod value \"" + text + "\": octal mode above 7777");
            }
            return new FileMode(text, (int) v);
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("invalid --chmod value \"\": empty");
        }
        for (String clause : text.split(",", -1)) {
            if (!SYMBOLIC_CLAUSE.matcher(clause).matches()) {
                throw new IllegalArgumentException("invalid --chmod value \"" + text
                    + "\": expected octal (755) or symbolic (u=rwX,go=rX) mode");
            }
        }
        return new FileMode(text, -1);
    }
}
