package dev.estiba.cli;

import dev.estiba.build.BuildEvent;
import dev.estiba.build.BuildListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live view for a terminal: one line per step, redrawn in place as steps start and end (ANSI cursor moves),
 * the most recent ones only, with a header counting finished steps.
 */
final class TtyProgress implements BuildListener {
    private static final int SHOWN = 15;

    private final PrintWriter err;
    private final long started = System.nanoTime();
    private final Map<Integer, String[]> lines = new LinkedHashMap<>();
    private final List<String> after = new ArrayList<>();
    private int drawn;
    private int done;

    TtyProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void on(BuildEvent e) {
        if (e instanceof BuildEvent.StepStarted s) {
            lines.put(s.id(), new String[] {"[" + s.stage() + " " + s.position() + "/" + s.total() + "] " + s.text(), "..."});
        } else if (e instanceof BuildEvent.StepDone d) {
            done++;
            lines.get(d.id())[1] = d.cached() ? "CACHED" : seconds(d.nanos());
        } else if (e instanceof BuildEvent.StepFailed f) {
            lines.get(f.id())[1] = "ERROR";
            after.add("ERROR: " + f.message());
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

    private void redraw() {
        StringBuilder b = new StringBuilder();
        if (drawn > 0) {
            b.append("\033[").append(drawn).append('A');
        }
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "[+] Building %.1fs (%d/%d)", (System.nanoTime() - started) / 1e9, done,
            lines.size()));
        List<String[]> all = new ArrayList<>(lines.values());
        for (String[] l : all.subList(Math.max(0, all.size() - SHOWN), all.size())) {
            out.add(" => " + l[0] + "  " + l[1]);
        }
        out.addAll(after);
        for (String line : out) {
            b.append("\033[2K").append(line).append('\n');
        }
        drawn = out.size();
        err.print(b);
        err.flush();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
    }
}
