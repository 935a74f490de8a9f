package dev.estiba.cli;

import java.util.Locale;

/** Sizes the way docker prints them: decimal units, three significant digits. */
final class Sizes {
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};

    private Sizes() {
    }

    static String human(long bytes) {
        double v = bytes;
        int unit = 0;
        while (v >= 1000 && unit < UNITS.length - 1) {
            v /= 1000;
            unit++;
        }
        if (unit == 0) {
            return bytes + "B";
        }
        String digits = v >= 100 ? String.format(Locale.ROOT, "%.0f", v)
            : v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        return digits + UNITS[unit];
    }
}
