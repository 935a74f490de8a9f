package dev.estiba.build;

import dev.estiba.image.ExecutionConfig;
import dev.estiba.instructions.ArgInstruction;
import dev.estiba.instructions.CmdInstruction;
import dev.estiba.instructions.Command;
import dev.estiba.instructions.EntrypointInstruction;
import dev.estiba.instructions.EnvInstruction;
import dev.estiba.instructions.ExposeInstruction;
import dev.estiba.instructions.HealthcheckInstruction;
import dev.estiba.instructions.Instruction;
import dev.estiba.instructions.KeyValue;
import dev.estiba.instructions.LabelInstruction;
import dev.estiba.instructions.MaintainerInstruction;
import dev.estiba.instructions.OnbuildInstruction;
import dev.estiba.instructions.PortSpec;
import dev.estiba.instructions.ShellInstruction;
import dev.estiba.instructions.StopsignalInstruction;
import dev.estiba.instructions.UserInstruction;
import dev.estiba.instructions.VolumeInstruction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The config changes of instructions that make no layer, and the {@code created_by} text BuildKit writes for
 * each (Go's {@code %q} and {@code %v} renderings included).
 */
final class ConfigSteps {
    /** BuildKit's default SHELL on Linux. */
    static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

    private ConfigSteps() {
    }

    /**
     * A config change.
     *
     * @param config the new execution config
     * @param author the new author (MAINTAINER), or null for unchanged
     * @param createdBy the history text, or null when BuildKit writes no history row (ARG)
     */
    record Change(ExecutionConfig config, String author, String createdBy) {
    }

    static Change apply(Instruction i, ExecutionConfig c, boolean cmdSetInStage) {
        if (i instanceof EnvInstruction env) {
            List<String> list = new ArrayList<>(c.env() == null ? List.of() : c.env());
            for (KeyValue kv : env.pairs()) {
                set(list, kv.key(), kv.value());
            }
            return new Change(c.withEnv(list), null, "ENV " + pairs(env.pairs()));
        }
        if (i instanceof LabelInstruction label) {
            Map<String, String> labels = new LinkedHashMap<>(c.labels() == null ? Map.of() : c.labels());
            for (KeyValue kv : label.pairs()) {
                labels.put(kv.key(), kv.value());
            }
            return new Change(c.withLabels(labels), null, "LABEL " + pairs(label.pairs()));
        }
        if (i instanceof ArgInstruction) {
            return new Change(c, null, null);
        }
        if (i instanceof ExposeInstruction e) {
            TreeSet<String> ports = new TreeSet<>(c.exposedPorts() == null ? List.of() : c.exposedPorts());
            List<String> added = new ArrayList<>();
            for (String p : e.ports()) {
                List<String> keys = PortSpec.parse(p).configKeys();
                ports.addAll(keys);
                added.addAll(keys);
            }
            return new Change(c.withExposedPorts(ports), null, "EXPOSE map[" + added.stream().sorted()
                .map(k -> k + ":{}").collect(Collectors.joining(" ")) + "]");
        }
        if (i instanceof UserInstruction u) {
            return new Change(c.withUser(u.user()), null, "USER " + u.user());
        }
        if (i instanceof VolumeInstruction v) {
            TreeSet<String> vols = new TreeSet<>(c.volumes() == null ? List.of() : c.volumes());
            vols.addAll(v.paths());
            return new Change(c.withVolumes(vols), null, "VOLUME [" + String.join(" ", v.paths()) + "]");
        }
        if (i instanceof StopsignalInstruction s) {
            return new Change(c.withStopSignal(s.signal()), null, "STOPSIGNAL " + s.signal());
        }
        if (i instanceof CmdInstruction cmd) {
            List<String> args = argv(cmd.command(), c);
            return new Change(c.withCmd(args), null, "CMD " + goQuote(args));
        }
        if (i instanceof EntrypointInstruction ep) {
            List<String> args = argv(ep.command(), c);
            // An ENTRYPOINT resets the CMD it inherited (not one set later in the same stage).
            return new Change(cmdSetInStage ? c.withEntrypoint(args) : c.withEntrypoint(args).withCmd(null), null, "ENTRYPOINT " + goQuote(args));
        }
        if (i instanceof ShellInstruction sh) {
            return new Change(c.withShell(sh.shell()), null, "SHELL [" + String.join(" ", sh.shell()) + "]");
        }
        if (i instanceof HealthcheckInstruction hc) {
            dev.estiba.image.Healthcheck h = hc.check().map(k -> new dev.estiba.image.Healthcheck(
                    k.command() instanceof Command.Shell s ? List.of("CMD-SHELL", s.text()) : k.test(),
                    nanos(k.interval()), nanos(k.timeout()), nanos(k.startPeriod()), nanos(k.startInterval()),
                    k.retries() == 0 ? null : k.retries(), null))
                .orElseGet(() -> new dev.estiba.image.Healthcheck(List.of("NONE"), null, null, null, null, null, null));
            return new Change(c.withHealthcheck(h), null, "HEALTHCHECK " + healthText(h));
        }
        if (i instanceof MaintainerInstruction m) {
            return new Change(c, m.name(), "MAINTAINER " + m.name());
        }
        if (i instanceof OnbuildInstruction o) {
            List<String> triggers = new ArrayList<>(c.onBuild() == null ? List.of() : c.onBuild());
            triggers.add(o.expression());
            return new Change(c.withOnBuild(triggers), null, "ONBUILD " + o.expression());
        }
        throw new IllegalArgumentException("not a config instruction: " + i.keyword());
    }

    /** The argv of CMD or ENTRYPOINT: exec form as written, shell form through the stage's SHELL. */
    static List<String> argv(Command command, ExecutionConfig c) {
        if (command instanceof Command.Exec e) {
            return e.args();
        }
        List<String> shell = new ArrayList<>(c.shell() == null ? DEFAULT_SHELL : c.shell());
        shell.add(((Command.Shell) command).text());
        return shell;
    }

    static void set(List<String> env, String key, String value) {
        for (int k = 0; k < env.size(); k++) {
            String e = env.get(k);
            if (e.startsWith(key + "=") || e.equals(key)) {
                env.set(k, key + "=" + value);
                return;
            }
        }
        env.add(key + "=" + value);
    }

    private static String pairs(List<KeyValue> pairs) {
        return pairs.stream().map(kv -> kv.key() + "=" + kv.value()).collect(Collectors.joining(" "));
    }

    private static Long nanos(Duration d) {
        return d == null || d.isZero() ? null : d.toNanos();
    }

    /** Go's {@code %q} of a string slice: {@code ["a" "b"]}. */
    static String goQuote(List<String> args) {
        return args.stream().map(ConfigSteps::quote).collect(Collectors.joining(" ", "[", "]"));
    }

    private static String healthText(dev.estiba.image.Healthcheck h) {
        return "&{" + goQuote(h.test()) + " \"" + dur(h.interval()) + "\" \"" + dur(h.timeout()) + "\" \""
            + dur(h.startPeriod()) + "\" \"" + dur(h.startInterval()) + "\" '\\x"
            + String.format("%02x", h.retries() == null ? 0 : h.retries()) + "'}";
    }

    private static String dur(Long nanos) {
        if (nanos == null || nanos == 0) {
            return "0s";
        }
        Duration d = Duration.ofNanos(nanos);
        StringBuilder b = new StringBuilder();
        if (d.toHours() > 0) {
            b.append(d.toHours()).append('h');
        }
        if (d.toMinutesPart() > 0 || d.toHours() > 0) {
            b.append(d.toMinutesPart()).append('m');
        }
        double s = d.toSecondsPart() + d.toNanosPart() / 1e9;
        b.append(s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s)).append('s');
        return b.toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> b.append(ch);
            }
        }
        return b.append('"').toString();
    }
}
