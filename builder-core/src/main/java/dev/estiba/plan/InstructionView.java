package dev.estiba.plan;

import dev.estiba.instructions.AddInstruction;
import dev.estiba.instructions.ArgInstruction;
import dev.estiba.instructions.CmdInstruction;
import dev.estiba.instructions.Command;
import dev.estiba.instructions.CopyInstruction;
import dev.estiba.instructions.EntrypointInstruction;
import dev.estiba.instructions.EnvInstruction;
import dev.estiba.instructions.ExposeInstruction;
import dev.estiba.instructions.FromInstruction;
import dev.estiba.instructions.HealthcheckInstruction;
import dev.estiba.instructions.InlineFile;
import dev.estiba.instructions.Instruction;
import dev.estiba.instructions.KeyValue;
import dev.estiba.instructions.LabelInstruction;
import dev.estiba.instructions.MaintainerInstruction;
import dev.estiba.instructions.Mount;
import dev.estiba.instructions.OnbuildInstruction;
import dev.estiba.instructions.RunInstruction;
import dev.estiba.instructions.ShellInstruction;
import dev.estiba.instructions.StopsignalInstruction;
import dev.estiba.instructions.UserInstruction;
import dev.estiba.instructions.VolumeInstruction;
import dev.estiba.instructions.WorkdirInstruction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An instruction shown as data: its flags and arguments as plain maps and lists (for JSON), and
 * one line of text in Dockerfile syntax with the values as the build uses them.
 *
 * @param keyword the instruction keyword
 * @param flags the flags given, by name
 * @param arguments the arguments: a string, a list, or a map, per instruction
 * @param text the instruction on one line
 */
public record InstructionView(String keyword, Map<String, Object> flags, Object arguments, String text) {

    /** The view of {@code ins} (typically an expanded instruction). */
    public static InstructionView of(Instruction ins) {
        Map<String, Object> flags = new LinkedHashMap<>();
        Object args;
        if (ins instanceof FromInstruction f) {
            f.platform().ifPresent(p -> flags.put("platform", p));
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("image", f.image());
            f.stageName().ifPresent(n -> a.put("as", n));
            args = a;
        } else if (ins instanceof RunInstruction r) {
            if (!r.mounts().isEmpty()) {
                flags.put("mount", r.mounts().stream().map(InstructionView::mount).toList());
            }
            r.network().ifPresent(n -> flags.put("network", n));
            r.security().ifPresent(v -> flags.put("security", v));
            if (!r.devices().isEmpty()) {
                flags.put("device", r.devices());
            }
            args = command(r.command());
        } else if (ins instanceof CmdInstruction c) {
            args = command(c.command());
        } else if (ins instanceof EntrypointInstruction e) {
            args = command(e.command());
        } else if (ins instanceof CopyInstruction c) {
            c.from().ifPresent(v -> flags.put("from", v));
            c.chown().ifPresent(v -> flags.put("chown", v));
            c.chmod().ifPresent(v -> flags.put("chmod", v));
            if (c.link()) {
                flags.put("link", true);
            }
            if (c.parents()) {
                flags.put("parents", true);
            }
            if (!c.excludes().isEmpty()) {
                flags.put("exclude", c.excludes());
            }
            args = paths(c.sources(), c.inlineFiles().stream().map(InlineFile::name).toList(), c.destination());
        } else if (ins instanceof AddInstruction a) {
            a.chown().ifPresent(v -> flags.put("chown", v));
            a.chmod().ifPresent(v -> flags.put("chmod", v));
            if (a.link()) {
                flags.put("link", true);
            }
            if (a.keepGitDir()) {
                flags.put("keep-git-dir", true);
            }
            a.checksum().ifPresent(v -> flags.put("checksum", v));
            a.unpack().ifPresent(v -> flags.put("unpack", v));
            if (!a.excludes().isEmpty()) {
                flags.put("exclude", a.excludes());
            }
            args = paths(a.sources(), a.inlineFiles().stream().map(InlineFile::name).toList(), a.destination());
        } else if (ins instanceof EnvInstruction e) {
            args = pairs(e.pairs());
        } else if (ins instanceof LabelInstruction l) {
            args = pairs(l.pairs());
        } else if (ins instanceof ArgInstruction a) {
            Map<String, Object> m = new LinkedHashMap<>();
            a.declarations().forEach(d -> m.put(d.name(), d.defaultValue().orElse(null)));
            args = m;
        } else if (ins instanceof ExposeInstruction e) {
            args = e.ports();
        } else if (ins instanceof UserInstruction u) {
            args = u.user();
        } else if (ins instanceof WorkdirInstruction w) {
            args = w.path();
        } else if (ins instanceof MaintainerInstruction m) {
            args = m.name();
        } else if (ins instanceof StopsignalInstruction v) {
            args = v.signal();
        } else if (ins instanceof VolumeInstruction v) {
            args = v.paths();
        } else if (ins instanceof ShellInstruction v) {
            args = v.shell();
        } else if (ins instanceof HealthcheckInstruction h) {
            if (h.check().isEmpty()) {
                args = "NONE";
            } else {
                HealthcheckInstruction.Check c = h.check().get();
                duration(flags, "interval", c.interval());
                duration(flags, "timeout", c.timeout());
                duration(flags, "start-period", c.startPeriod());
                duration(flags, "start-interval", c.startInterval());
                if (c.retries() != 0) {
                    flags.put("retries", c.retries());
                }
                args = c.test();
            }
        } else {
            args = ((OnbuildInstruction) ins).expression();
        }
        return new InstructionView(ins.keyword().name(), flags, args, text(ins, flags, args));
    }

    private static Object command(Command c) {
        return c instanceof Command.Exec e ? e.args() : ((Command.Shell) c).text();
    }

    private static Map<String, Object> paths(List<String> sources, List<String> heredocs, String destination) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sources", sources);
        if (!heredocs.isEmpty()) {
            m.put("heredocs", heredocs);
        }
        m.put("destination", destination);
        return m;
    }

    private static Map<String, Object> pairs(List<KeyValue> pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        pairs.forEach(kv -> m.put(kv.key(), kv.value()));
        return m;
    }

    private static void duration(Map<String, Object> flags, String name, Duration d) {
        if (!d.isZero()) {
            flags.put(name, d.toString().substring(2).toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** A mount with its defaults, as {@code key=value} options. */
    static Map<String, Object> mount(Mount m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", m.type().toString());
        m.target().ifPresent(v -> o.put("target", v));
        m.source().ifPresent(v -> o.put("source", v));
        m.from().ifPresent(v -> o.put("from", v));
        m.id().ifPresent(v -> o.put("id", v));
        m.sharing().ifPresent(v -> o.put("sharing", v));
        m.mode().ifPresent(v -> o.put("mode", "0" + Integer.toOctalString(v)));
        m.uid().ifPresent(v -> o.put("uid", v));
        m.gid().ifPresent(v -> o.put("gid", v));
        m.size().ifPresent(v -> o.put("size", v));
        m.env().ifPresent(v -> o.put("env", v));
        o.put("readonly", m.readOnly());
        if (m.required()) {
            o.put("required", true);
        }
        return o;
    }

    @SuppressWarnings("unchecked")
    private static String text(Instruction ins, Map<String, Object> flags, Object args) {
        StringBuilder b = new StringBuilder(ins.keyword().name());
        flags.forEach((k, v) -> {
            List<Object> values = v instanceof List<?> l ? (List<Object>) l : List.of(v);
            for (Object value : values) {
                b.append(" --").append(k);
                if (value instanceof Map<?, ?> m) {
                    List<String> opts = new ArrayList<>();
                    m.forEach((mk, mv) -> opts.add(mk + "=" + mv));
                    b.append('=').append(String.join(",", opts));
                } else if (!Boolean.TRUE.equals(value)) {
                    b.append('=').append(value);
                }
            }
        });
        if (ins instanceof FromInstruction f) {
            b.append(' ').append(f.image()).append(f.stageName().map(n -> " AS " + n).orElse(""));
        } else if (ins instanceof EnvInstruction e) {
            e.pairs().forEach(kv -> b.append(' ').append(kv.key()).append('=').append(quoteIfNeeded(kv.value())));
        } else if (ins instanceof LabelInstruction l) {
            l.pairs().forEach(kv -> b.append(' ').append(quoteIfNeeded(kv.key())).append('=')
                .append(quoteIfNeeded(kv.value())));
        } else if (ins instanceof ArgInstruction a) {
            a.declarations().forEach(d -> b.append(' ').append(d.name())
                .append(d.defaultValue().map(v -> "=" + quoteIfNeeded(v)).orElse("")));
        } else if (args instanceof Map<?, ?> m && m.containsKey("destination")) {
            List<String> words = new ArrayList<>((List<String>) m.get("sources"));
            if (m.containsKey("heredocs")) {
                ((List<String>) m.get("heredocs")).forEach(h -> words.add("<<" + h));
            }
            words.add((String) m.get("destination"));
            words.forEach(w -> b.append(' ').append(w));
        } else if (args instanceof List<?> l) {
            b.append(' ').append(ins instanceof ExposeInstruction ? String.join(" ", (List<String>) l)
                : json((List<String>) l));
        } else if (args instanceof String str && !str.isEmpty()) {
            b.append(' ').append(str);
        }
        return b.toString();
    }

    private static String quoteIfNeeded(String v) {
        if (!v.isEmpty() && v.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\')) {
            return v;
        }
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String json(List<String> items) {
        List<String> quoted = new ArrayList<>();
        for (String s : items) {
            quoted.add("\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return "[" + String.join(", ", quoted) + "]";
    }

}
