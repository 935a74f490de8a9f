package dev.estiba.instructions;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;

/**
 * Go's {@code time.ParseDuration}, which HEALTHCHECK options use: a signed sequence of decimal
 * numbers, each with an optional fraction and a unit ({@code ns}, {@code us}/{@code µs},
 * {@code ms}, {@code s}, {@code m}, {@code h}), such as {@code 300ms}, {@code -1.5h} or
 * {@code 2h45m}. A bare {@code 0} is allowed; any other number needs a unit.
 */
public final class GoDuration {
    private static final Map<String, Long> UNITS = Map.of(
        "ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L, "ms", 1_000_000L,
        "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private GoDuration() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException with Go's message, e.g. {@code time: missing unit in duration "5"}
     */
    public static Duration parse(String text) {
        String quoted = "\"" + text + "\"";
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("time: invalid duration " + quoted);
        }
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                i++;
            }
            boolean intDigits = i > start;
            int fracStart = i;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
            }
            boolean fracDigits = i > fracStart + 1;
            if (!intDigits && !fracDigits) {
                throw new IllegalArgumentException("time: invalid duration " + quoted);
            }
            BigDecimal number = new BigDecimal(s.substring(start, i).endsWith(".")
                ? s.substring(start, i - 1) : (s.charAt(start) == '.' ? "0" + s.substring(start, i) : s.substring(start, i)));
            int unitStart = i;
            while (i < s.length() && s.charAt(i) != '.' && !(s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
                i++;
            }
            if (unitStart == i) {
                throw new IllegalArgumentException("time: missing unit in duration " + quoted);
            }
            String unit = s.substring(unitStart, i);
            Long scale = UNITS.get(unit);
            if (scale == null) {
                throw new IllegalArgumentException("time: unknown unit \"" + unit + "\" in duration " + quoted);
            }
            total = total.add(number.multiply(BigDecimal.valueOf(scale)));
            if (total.toBigInteger().compareTo(MAX) > 0) {
                throw new IllegalArgumentException("time: invalid duration " + quoted);
            }
        }
        long nanos = total.toBigInteger().longValueExact();
        return Duration.ofNanos(negative ? -nanos : nanos);
    }
}
