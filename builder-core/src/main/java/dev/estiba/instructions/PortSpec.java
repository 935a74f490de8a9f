package dev.estiba.instructions;

import java.util.Locale;

/**
 * One EXPOSE entry: a port or a range, and a protocol.
 *
 * @param first the first port (0-65535)
 * @param last the last port, equal to {@code first} for a single port
 * @param protocol {@code tcp} (the default), {@code udp} or {@code sctp}
 */
public record PortSpec(int first, int last, String protocol) {

    /**
     * Parses {@code port[-port][/protocol]}.
     *
     * @throws IllegalArgumentException naming the entry and what is wrong with it
     */
    public static PortSpec parse(String text) {
        String ports = text;
        String proto = "tcp";
        int slash = text.indexOf('/');
        if (slash >= 0) {
            ports = text.substring(0, slash);
            proto = text.substring(slash + 1).toLowerCase(Locale.ROOT);
            if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
                throw new IllegalArgumentException("invalid port \"" + text + "\": unknown protocol \""
                    + text.substring(slash + 1) + "\" (tcp, udp or sctp)");
            }
        }
        int dash = ports.indexOf('-');
        int first = number(text, dash < 0 ? ports : ports.substring(0, dash));
        int last = dash < 0 ? first : number(text, ports.substring(dash + 1));
        if (last < first) {
            throw new IllegalArgumentException("invalid port \"" + text + "\": range ends before it starts");
        }
        return new PortSpec(first, last, proto);
    }

    private static int number(String whole, String digits) {
        if (!digits.matches("[0-9]{1,5}") || Integer.parseInt(digits) > 65535) {
            throw new IllegalArgumentException("invalid port \"" + whole
                + "\": expected a number from 0 to 65535, a range such as 8000-8010, and an optional /tcp, /udp or /sctp");
        }
        return Integer.parseInt(digits);
    }

    /** The entries in config form: {@code 80/tcp}, or one per port of a range. */
    public java.util.List<String> configKeys() {
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (int p = first; p <= last; p++) {
            keys.add(p + "/" + protocol);
        }
        return keys;
    }

    @Override
    public String toString() {
        return (first == last ? Integer.toString(first) : first + "-" + last) + "/" + protocol;
    }
}
