package dev.estiba.instructions;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * STOPSIGNAL values as Docker accepts them for Linux: a non-zero number, or a signal name in any
 * case with or without the {@code SIG} prefix ({@code SIGTERM}, {@code term}, {@code RTMIN+3}).
 */
public final class Signals {
    private static final Set<String> NAMES = names();

    private Signals() {
    }

    private static Set<String> names() {
        Set<String> n = new TreeSet<>(Set.of(
            "ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL", "PIPE",
            "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP", "TTIN", "TTOU",
            "URG", "USR1", "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ", "RTMIN", "RTMAX"));
        for (int i = 1; i <= 15; i++) {
            n.add("RTMIN+" + i);
            n.add("RTMAX-" + i);
        }
        return Set.copyOf(n);
    }

    /**
     * Checks {@code signal}.
     *
     * @throws IllegalArgumentException {@code invalid signal: X} when it names no signal
     */
    public static void validate(String signal) {
        if (signal.matches("-?[0-9]+")) {
            try {
                if (Integer.parseInt(signal) != 0) {
                    return;
                }
            } catch (NumberFormatException tooBig) {
                // falls through to the error
            }
            throw new IllegalArgumentException("invalid signal: " + signal);
        }
        String upper = signal.toUpperCase(Locale.ROOT);
        String name = upper.startsWith("SIG") ? upper.substring(3) : upper;
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("invalid signal: " + signal);
        }
    }
}
