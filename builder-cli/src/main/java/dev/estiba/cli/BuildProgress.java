package dev.estiba.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.estiba.build.BuildEvent;
import dev.estiba.build.BuildListener;
import dev.estiba.lint.Finding;
import dev.estiba.lint.RuleCatalog;
import dev.estiba.lint.RuleInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** Renders build events on stderr: {@code plain} in buildx's style, or {@code json}, one event per line. */
final class BuildProgress implements BuildListener {
    enum Mode { auto, plain, tty, json }

    private static final JsonFactory JSON = new JsonFactory();

    private final PrintWriter err;
    private final boolean json;
    private final boolean explain;

    BuildProgress(PrintWriter err, Mode mode, boolean explain) {
        this.err = err;
        this.json = mode == Mode.json;
        this.explain = explain;
    }

    @Override
    public void on(BuildEvent e) {
        if (json) {
            err.println(json(e));
        } else {
            plain(e);
        }
        err.flush();
    }

    private void plain(BuildEvent e) {
        if (e instanceof BuildEvent.StepStarted s) {
            err.printf("#%d [%s %d/%d] %s%n", s.id(), s.stage(), s.position(), s.total(), s.text());
        } else if (e instanceof BuildEvent.StepDone d) {
            err.println(d.cached() ? "#" + d.id() + " CACHED" : "#" + d.id() + " DONE " + seconds(d.nanos()));
            if (explain) {
                for (String line : d.explanation()) {
                    err.println("#" + d.id() + " " + line);
                }
            }
        } else if (e instanceof BuildEvent.StepFailed f) {
            err.println("#" + f.id() + " ERROR: " + f.message());
        } else if (e instanceof BuildEvent.Warning w) {
            err.println("WARNING: " + w.message());
        } else if (e instanceof BuildEvent.Checks c) {
            CheckSummary.brief(c.findings()).forEach(err::println);
        } else if (e instanceof BuildEvent.Export x) {
            err.println(x.done() ? "#" + x.id() + " DONE " + seconds(x.nanos()) : "#" + x.id() + " " + x.text());
        } else if (e instanceof BuildEvent.Finished f) {
            err.println("writing image " + f.configDigest() + " done");
            err.println("manifest " + f.manifestDigest() + " (" + seconds(f.nanos()) + ")");
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
    }

    private static String json(BuildEvent e) {
        if (e instanceof BuildEvent.Checks c) {
            // One event per finding, as BuildKit streams each warning on its own.
            StringBuilder lines = new StringBuilder();
            for (Finding f : c.findings()) {
                if (lines.length() > 0) {
                    lines.append(System.lineSeparator());
                }
                lines.append(check(c.file(), f));
            }
            return lines.toString();
        }
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            if (e instanceof BuildEvent.StepStarted s) {
                g.writeStringField("event", "step-started");
                g.writeNumberField("id", s.id());
                g.writeStringField("stage", s.stage());
                g.writeNumberField("position", s.position());
                g.writeNumberField("total", s.total());
                g.writeStringField("text", s.text());
            } else if (e instanceof BuildEvent.StepDone d) {
                g.writeStringField("event", "step-done");
                g.writeNumberField("id", d.id());
                g.writeBooleanField("cached", d.cached());
                g.writeNumberField("seconds", d.nanos() / 1e9);
                strings(g, "cache", d.explanation());
            } else if (e instanceof BuildEvent.StepFailed f) {
                g.writeStringField("event", "step-failed");
                g.writeNumberField("id", f.id());
                g.writeStringField("error", f.message());
            } else if (e instanceof BuildEvent.Warning x) {
                g.writeStringField("event", "warning");
                g.writeStringField("message", x.message());
            } else if (e instanceof BuildEvent.Export x) {
                g.writeStringField("event", x.done() ? "export-done" : "export-started");
                g.writeNumberField("id", x.id());
                g.writeStringField("text", x.text());
            } else if (e instanceof BuildEvent.Transfer t) {
                g.writeStringField("event", "transfer");
                g.writeStringField("name", t.name());
                g.writeNumberField("done", t.done());
                g.writeNumberField("total", t.total());
                g.writeBooleanField("finished", t.finished());
            } else if (e instanceof BuildEvent.Finished f) {
                g.writeStringField("event", "finished");
                g.writeStringField("manifest", f.manifestDigest());
                g.writeStringField("config", f.configDigest());
                g.writeNumberField("seconds", f.nanos() / 1e9);
            }
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return w.toString();
    }

    private static String check(String file, Finding f) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("event", "check");
            g.writeStringField("rule", f.rule());
            g.writeStringField("level", f.severity().name().toLowerCase(Locale.ROOT));
            g.writeStringField("message", f.message());
            RuleInfo info = RuleCatalog.get(f.rule());
            if (info != null && info.upstreamUri() != null) {
                g.writeStringField("url", info.upstreamUri());
            }
            g.writeStringField("file", file);
            g.writeNumberField("line", f.range().line());
            g.writeNumberField("column", f.range().column());
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return w.toString();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
