package dev.estiba.cli;

import java.util.Locale;

/**
 * One running transfer as a terminal line: {@code  => NAME [=====>    ] 12.0MB / 45.0MB 3.0MB/s}, fitted to
 * a width (the name is cut first, the bar shrinks to 10 columns, and without a total there is no bar).
 */
final class TransferBar {
    private static final int MIN_BAR = 10;

    private final String name;
    private long startedNanos;
    private long first = -1;
    private long done;
    private long total;

    TransferBar(String name, long startedNanos) {
        this.name = name;
        this.startedNanos = startedNanos;
    }

    /** A report at time {@code now}; fewer bytes than before means the transfer started again (a retry). */
    void update(long bytes, long size, long now) {
        if (first < 0 || bytes < done) {
            first = bytes;
            startedNanos = now;
        }
        this.done = bytes;
        this.total = size;
    }

    /** The line at time {@code now} for a terminal {@code width} columns wide. */
    String render(long now, int width) {
        // The rate since the first report (a registry's first one comes after some bytes already).
        double secs = (now - startedNanos) / 1e9;
        String rate = secs > 0 ? " " + size((long) ((done - first) / secs)) + "/s" : "";
        String amount = " " + size(done) + (total >= 0 ? " / " + size(total) : "") + rate;
        String head = " => " + name + " ";
        int barRoom = width - amount.length() - 2;
        if (total < 0) {
            return cut(head.stripTrailing(), width - amount.length()) + amount;
        }
        int bar = Math.max(MIN_BAR, Math.min(30, barRoom - head.length()));
        String shown = cut(head, width - amount.length() - bar - 2);
        return shown + "[" + bar(bar) + "]" + amount;
    }

    private String bar(int cells) {
        int filled = total <= 0 ? cells : (int) Math.min(cells, done * cells / total);
        StringBuilder b = new StringBuilder(cells);
        for (int i = 0; i < cells; i++) {
            b.append(i < filled - 1 || (i == filled - 1 && filled == cells) ? '=' : i == filled - 1 ? '>' : ' ');
        }
        return b.toString();
    }

    private static String cut(String s, int room) {
        if (s.length() <= room) {
            return s;
        }
        return room <= 3 ? s.substring(0, Math.max(0, room)) : s.substring(0, room - 4) + "... ";
    }

    /** Bytes in the units buildx shows (decimal: kB, MB, GB). */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + "B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f%s", v, units[u]);
    }
}
