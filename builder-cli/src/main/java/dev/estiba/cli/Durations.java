package dev.estiba.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations as docker and Go write them: {@code 90s}, {@code 30m}, {@code 24h}, {@code 7d}, {@code 1h30m}. */
final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(d|h|m|s)");

    private Durations() {
    }

    static Duration parse(String text) {
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < text.length() && m.find(at) && m.start() == at) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
            at = m.end();
        }
        if (text.isEmpty() || at != text.length()) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\" (examples: 90s, 30m, 24h, 7d, 1h30m)");
        }
        return total;
    }
}
