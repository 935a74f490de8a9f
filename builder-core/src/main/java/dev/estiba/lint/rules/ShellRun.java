package dev.estiba.lint.rules;

import dev.estiba.grammar.tree.Flag;
import dev.estiba.grammar.tree.Instruction;
import dev.estiba.lint.LintContext;
import dev.estiba.lint.RunScript;
import dev.estiba.lint.Stage;
import dev.estiba.lint.shell.Command;
import dev.estiba.lint.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A RUN whose script parsed, with its stage: what the shell-command rules look at.
 *
 * @param stage the stage
 * @param run the RUN instruction
 * @param script the parsed script
 */
record ShellRun(Stage stage, Instruction run, RunScript script) {

    /** Every RUN of the file that runs in a POSIX shell and parses. */
    static List<ShellRun> all(LintContext ctx) {
        List<ShellRun> out = new ArrayList<>();
        for (Map.Entry<Stage, Instruction> e : ctx.shellRuns()) {
            ctx.script(e.getValue()).ifPresent(s -> out.add(new ShellRun(e.getKey(), e.getValue(), s)));
        }
        return out;
    }

    /** The commands of the script. */
    List<Command> commands() {
        return script.script().commands();
    }

    /** Commands named {@code name} whose operands start with {@code sub} (apt-get install). */
    List<Command> sub(String name, Set<String> valuedFlags, String... subs) {
        List<Command> out = new ArrayList<>();
        for (Command c : script.script().named(name)) {
            List<Word> ops = c.operands(valuedFlags);
            if (!ops.isEmpty() && List.of(subs).contains(ops.get(0).value())) {
                out.add(c);
            }
        }
        return out;
    }

    /** The operands after the subcommand word. */
    static List<Word> packages(Command c, Set<String> valuedFlags) {
        List<Word> ops = c.operands(valuedFlags);
        return ops.isEmpty() ? ops : ops.subList(1, ops.size());
    }

    /** Whether a {@code rm} in the script removes something under {@code dir}. */
    boolean removes(String dir) {
        for (Command c : script.script().named("rm")) {
            for (String a : c.argValues()) {
                if (a.startsWith(dir)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code name} runs with all of {@code args} (yum clean all). */
    boolean runs(String name, String... args) {
        return script.script().named(name).stream().anyMatch(c -> c.hasArgs(args));
    }

    /** Whether a cache or tmpfs mount of the RUN covers {@code dir}. */
    boolean cacheMount(String dir) {
        for (Flag f : run.flags("mount")) {
            String type = "bind";
            String target = null;
            for (String part : f.value().orElse("").split(",")) {
                int eq = part.indexOf('=');
                String k = eq < 0 ? part : part.substring(0, eq);
                String v = eq < 0 ? "" : part.substring(eq + 1);
                if (k.equals("type")) {
                    type = v;
                } else if (k.equals("target") || k.equals("dst") || k.equals("destination")) {
                    target = v;
                }
            }
            if ((type.equals("cache") || type.equals("tmpfs")) && target != null
                && (dir.startsWith(target.replaceAll("/+$", "")) || target.startsWith(dir))) {
                return true;
            }
        }
        return false;
    }
}
