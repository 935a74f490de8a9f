package dev.estiba.lint.rules;

import dev.estiba.grammar.tree.Instruction;
import dev.estiba.lint.LintContext;
import dev.estiba.lint.shell.Command;
import dev.estiba.lint.Stage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plain commands in RUN scripts: DL3001 (commands pointless in a container), DL3003 (cd), DL3004
 * (sudo), DL3046 (useradd with a high UID), DL3047 (wget progress), DL4001 (wget and curl in one stage),
 * DL4005 (relinking /bin/sh) and DL4006 (pipes without pipefail).
 */
final class ShellCommands implements Check {
    private static final Set<String> POINTLESS = Set.of("ssh", "vim", "shutdown", "service", "ps", "free", "top", "kill",
        "mount", "ifconfig");

    /** Shells whose {@code -o pipefail} hadolint accepts. */
    private static final Set<String> PIPEFAIL_SHELLS = Set.of("bash", "zsh", "ash", "ksh", "mksh");

    @Override
    public void check(LintContext ctx) {
        Set<String> downloaders = new HashSet<>();
        Stage stage = null;
        for (ShellRun r : ShellRun.all(ctx)) {
            if (r.stage() != stage) {
                stage = r.stage();
                downloaders.clear();
            }
            Set<String> here = new HashSet<>();
            for (Command c : r.commands()) {
                String n = c.baseName();
                if (POINTLESS.contains(n)) {
                    ctx.report("DL3001", r.script().range(c.words().get(0)),
                        "'" + n + "' makes little sense in a container build; leave it out.");
                }
                switch (n) {
                    case "cd" -> ctx.report("DL3003", r.script().range(c.words().get(0)),
                        "Use WORKDIR to change directory instead of cd.");
                    case "sudo" -> ctx.report("DL3004", r.script().range(c.words().get(0)),
                        "Do not use sudo; run the step as the right USER (or use gosu).");
                    case "useradd" -> useradd(ctx, r, c);
                    case "wget" -> {
                        here.add(n);
                        wget(ctx, r, c);
                    }
                    case "curl" -> here.add(n);
                    case "ln" -> {
                        if (c.argValues().contains("/bin/sh")) {
                            ctx.report("DL4005", r.script().range(c), "Use SHELL to change the default shell, not ln to /bin/sh.");
                        }
                    }
                    default -> {
                    }
                }
            }
            downloaders.addAll(here);
            if (!here.isEmpty() && downloaders.size() == 2) {
                ctx.report("DL4001", ctx.head(r.run()), "Use either wget or curl, not both: this stage uses both.");
            }
            pipefail(ctx, r);
        }
    }

    private static void useradd(LintContext ctx, ShellRun r, Command c) {
        String uid = c.flagValue("u", "uid");
        if (uid != null && uid.matches("\\d{6,}") && !c.hasAnyFlag("l", "no-log-init")) {
            ctx.report("DL3046", r.script().range(c), "useradd with the high UID " + uid
                + " and without -l makes a huge /var/log/lastlog; add -l (--no-log-init).");
        }
    }

    private static void wget(LintContext ctx, ShellRun r, Command c) {
        boolean quiet = c.hasAnyFlag("q", "quiet", "nv", "no-verbose", "o", "output-file", "a", "append-output", "progress")
            || c.argValues().contains("-nv");
        if (!quiet) {
            ctx.report("DL3047", r.script().range(c), "Use wget --progress=dot:giga (or -q) to keep build logs small.");
        }
    }

    private static void pipefail(LintContext ctx, ShellRun r) {
        if (r.script().script().pipes().isEmpty()) {
            return;
        }
        Instruction run = r.run();
        List<String> shell = ctx.shellOf(r.stage(), run);
        String exe = shell.get(0).substring(shell.get(0).lastIndexOf('/') + 1);
        if (PIPEFAIL_SHELLS.contains(exe)) {
            for (int i = 1; i < shell.size(); i++) {
                if (shell.get(i).equals("pipefail") && shell.subList(1, i).stream().anyMatch(a -> a.matches("-[a-z]*o[a-z]*"))) {
                    return;
                }
            }
        }
        int firstPipe = r.script().script().pipes().get(0);
        for (Command c : r.commands()) {
            if (c.start() < firstPipe && c.is("set") && c.argValues().contains("pipefail")) {
                return;
            }
        }
        ctx.report("DL4006", ctx.lines().range(r.script().base() + firstPipe, r.script().base() + firstPipe + 1),
            "Set SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before a RUN with a pipe, so a failing command"
                + " before the pipe fails the step.");
    }
}
