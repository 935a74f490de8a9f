package dev.estiba.cli;

import dev.estiba.build.BuildEvent;
import dev.estiba.build.BuildListener;
import dev.estiba.registry.RegistryEvent;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The live view for a terminal: one line per step, redrawn in place as steps start and end (ANSI cursor moves),
 * the most recent ones only, with a header counting finished steps; under them a bar per running transfer (ADD
 * downloads, registry pulls and pushes) with bytes done of the total and the rate. Lines are cut to the
 * terminal's width so a redraw never wraps.
 */
final class TtyProgress implements BuildListener {
    private static final int SHOWN = 15;

    private final PrintWriter err;
    private final LongSupplier clock;
    private final int width;
    private final long started;
    private final Map<Integer, String[]> lines = new LinkedHashMap<>();
    private final Map<String, TransferBar> transfers = new LinkedHashMap<>();
    private final List<String> after = new ArrayList<>();
    private int drawn;
    private int done;

    TtyProgress(PrintWriter err) {
        this(err, System::nanoTime, columns());
    }

    /**
     * @param clock nanoseconds, for the elapsed time and the rates
     * @param width the terminal's columns
     */
    TtyProgress(PrintWriter err, LongSupplier clock, int width) {
        this.err = err;
        this.clock = clock;
        this.width = Math.max(20, width);
        this.started = clock.getAsLong();
    }

    /** The terminal's width from {@code COLUMNS} (shells export it to children only sometimes), else 80. */
    private static int columns() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").strip());
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /** The registry client's events, drawn as transfer bars in this view. */
    Consumer<RegistryEvent> registryEvents() {
        return event -> {
            if (event instanceof RegistryEvent.BlobProgress p) {
                transfer((p.upload() ? "push " : "pull ") + p.digest().shortHex() + " " + p.repository(), p.done(),
                    p.size(), false);
            } else if (event instanceof RegistryEvent.BlobDone d) {
                String name = d.digest().shortHex() + " " + d.repository();
                synchronized (this) {
                    transfers.remove("pull " + name);
                    transfers.remove("push " + name);
                    redraw();
                }
            } else if (event instanceof RegistryEvent.Retrying r) {
                synchronized (this) {
                    after.add("WARNING: " + r.operation() + ": " + r.reason() + "; retrying (attempt " + r.attempt()
                        + " of " + r.maxAttempts() + ")");
                    redraw();
                }
            }
        };
    }

    @Override
    public synchronized void on(BuildEvent e) {
        if (e instanceof BuildEvent.StepStarted s) {
            lines.put(s.id(), new String[] {"[" + s.stage() + " " + s.position() + "/" + s.total() + "] " + s.text(), "..."});
        } else if (e instanceof BuildEvent.StepDone d) {
            done++;
            lines.get(d.id())[1] = d.cached() ? "CACHED" : seconds(d.nanos());
        } else if (e instanceof BuildEvent.StepFailed f) {
            lines.get(f.id())[1] = "ERROR";
            after.add("ERROR: " + f.message());
        } else if (e instanceof BuildEvent.Transfer t) {
            transfer(t.name(), t.done(), t.total(), t.finished());
            return;
        } else if (e instanceof BuildEvent.Export x) {
            if (!x.done()) {
                lines.put(x.id(), new String[] {x.text(), "..."});
            } else {
                done++;
                lines.get(x.id())[1] = seconds(x.nanos());
            }
        } else if (e instanceof BuildEvent.Checks c) {
            after.addAll(CheckSummary.brief(c.findings()));
        } else if (e instanceof BuildEvent.Warning w) {
            after.add("WARNING: " + w.message());
        } else if (e instanceof BuildEvent.Finished f) {
            after.add("=> writing image " + f.configDigest() + " done");
            after.add("=> manifest " + f.manifestDigest());
        }
        redraw();
    }

    private synchronized void transfer(String name, long bytes, long total, boolean finished) {
        if (finished) {
            transfers.remove(name);
        } else {
            long now = clock.getAsLong();
            transfers.computeIfAbsent(name, n -> new TransferBar(n, now)).update(bytes, total, now);
        }
        redraw();
    }

    private void redraw() {
        StringBuilder b = new StringBuilder();
        if (drawn > 0) {
            b.append("\033[").append(drawn).append('A');
        }
        List<String> out = new ArrayList<>();
        long now = clock.getAsLong();
        out.add(String.format(Locale.ROOT, "[+] Building %.1fs (%d/%d)", (now - started) / 1e9, done,
            lines.size()));
        List<String[]> all = new ArrayList<>(lines.values());
        for (String[] l : all.subList(Math.max(0, all.size() - SHOWN), all.size())) {
            out.add(fit(" => " + l[0], "  " + l[1]));
        }
        for (TransferBar t : transfers.values()) {
            out.add(t.render(now, width));
        }
        out.addAll(after);
        for (String line : out) {
            b.append("\033[2K").append(line).append('\n');
        }
        // Lines drawn before and not drawn now (a finished transfer) are cleared.
        for (int i = out.size(); i < drawn; i++) {
            b.append("\033[2K\n");
        }
        int cleared = Math.max(0, drawn - out.size());
        if (cleared > 0) {
            b.append("\033[").append(cleared).append('A');
        }
        drawn = out.size();
        err.print(b);
        err.flush();
    }

    /** {@code left + right}, the left part cut with an ellipsis so the whole fits the width. */
    private String fit(String left, String right) {
        int room = width - right.length();
        if (left.length() <= room) {
            return left + right;
        }
        return left.substring(0, Math.max(0, room - 3)) + "..." + right;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
    }
}
