package dev.estiba.lint.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.estiba.grammar.tree.ArgList;
import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.KeyValueList;
import dev.estiba.grammar.tree.Keyword;
import dev.estiba.grammar.tree.ShellForm;
import dev.estiba.lint.LintContext;
import dev.estiba.lint.Severity;
import dev.estiba.lint.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * ShellCheck over every shell-form RUN in a POSIX shell, when the {@code shellcheck} binary is on the
 * PATH. Its line and column in the script are mapped back to the Dockerfile. As hadolint does, the
 * stage's ARG and ENV names are declared to ShellCheck (an {@code export} line after the script, so
 * positions do not move) and SC2187 (ash) and SC1090/SC1091 (sourced files it cannot see) are left out.
 */
public final class ShellCheck implements Check {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXCLUDE = "SC1090,SC1091,SC2187";
    /** Daemon threads that wait for shellcheck processes; as many as there are cores, at least two. */
    private static final ExecutorService POOL = Executors.newFixedThreadPool(
        Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "shellcheck");
            t.setDaemon(true);
            return t;
        });
    private final Path binary;

    public ShellCheck(Path binary) {
        this.binary = binary;
    }

    /** The shellcheck binary on the PATH, or null. */
    public static Path find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "shellcheck");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    @Override
    public void check(LintContext ctx) {
        record Job(ShellRun run, String script, String checked, CompletableFuture<JsonNode> result) {
        }
        List<Job> jobs = new ArrayList<>();
        for (ShellRun r : ShellRun.all(ctx)) {
            if (!(r.run().arguments() instanceof ShellForm)) {
                continue;
            }
            String exe = ctx.shellOf(r.stage(), r.run()).get(0);
            String name = exe.substring(exe.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            String dialect = List.of("bash", "dash", "ksh").contains(name) ? name : "sh";
            String script = r.script().script().source();
            Set<String> vars = declared(ctx, r);
            String checked = vars.isEmpty() ? script : script + "\nexport " + String.join(" ", vars) + "\n";
            // one process per RUN, a few at a time; results are reported in file order
            jobs.add(new Job(r, script, checked, CompletableFuture.supplyAsync(() -> {
                try {
                    return run(dialect, checked);
                } catch (IOException e) {
                    return null;
                }
            }, POOL)));
        }
        for (Job j : jobs) {
            JsonNode result = j.result().join();
            if (result == null) {
                continue; // shellcheck unusable for this script: skipped, as when it is absent
            }
            for (JsonNode c : result.path("comments")) {
                if (offset(j.checked(), c.path("line").asInt(), c.path("column").asInt()) < j.script().length()) {
                    report(ctx, j.run(), j.script(), c);
                }
            }
        }
    }

    /** ARG and ENV names of the stage (and the stages it builds on) before the RUN, and the global ARGs. */
    private static Set<String> declared(LintContext ctx, ShellRun r) {
        Set<String> names = new TreeSet<>(ctx.globalArgs().keySet());
        List<Stage> chain = new ArrayList<>();
        for (Stage s = r.stage(); s != null; s = ctx.parentStage(s)) {
            chain.add(0, s);
        }
        for (Stage s : chain) {
            for (Instruction i : s.instructions()) {
                if (i == r.run()) {
                    break;
                }
                if (i.arguments() instanceof ArgList a) {
                    a.declarations().forEach(d -> names.add(d.name()));
                } else if (i.keyword() == Keyword.ENV && i.arguments() instanceof KeyValueList kv) {
                    kv.pairs().forEach(p -> names.add(Workdirs.unquote(p.key())));
                }
            }
        }
        names.removeIf(n -> !n.matches("[A-Za-z_][A-Za-z0-9_]*"));
        return names;
    }

    private static void report(LintContext ctx, ShellRun r, String script, JsonNode c) {
        int start = offset(script, c.path("line").asInt(), c.path("column").asInt());
        int end = offset(script, c.path("endLine").asInt(), c.path("endColumn").asInt());
        String level = c.path("level").asText();
        String id = "SC" + c.path("code").asInt();
        Severity severity = switch (level) {
            case "error" -> Severity.ERROR;
            case "info" -> Severity.INFO;
            case "style" -> Severity.STYLE;
            default -> Severity.WARNING;
        };
        ctx.report(id, severity, ctx.lines().range(r.script().base() + start, r.script().base() + Math.max(start, end)),
            c.path("message").asText());
    }

    private static int offset(String text, int line, int column) {
        int o = 0;
        for (int l = 1; l < line && o >= 0; l++) {
            o = text.indexOf('\n', o) + 1;
            if (o == 0) {
                return text.length();
            }
        }
        return Math.min(text.length(), o + Math.max(0, column - 1));
    }

    private JsonNode run(String dialect, String script) throws IOException {
        Process p = new ProcessBuilder(binary.toString(), "--format=json1", "--shell=" + dialect, "--exclude=" + EXCLUDE, "-")
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out;
        try (InputStream o = p.getInputStream()) {
            out = o.readAllBytes();
        }
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("shellcheck timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        return JSON.readTree(out.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : out);
    }
}
