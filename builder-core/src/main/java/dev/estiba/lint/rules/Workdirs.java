package dev.estiba.lint.rules;

import dev.estiba.grammar.tree.ExecForm;
import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.Keyword;
import dev.estiba.grammar.tree.WordList;
import dev.estiba.lint.LintContext;
import dev.estiba.lint.Stage;
import java.util.List;

/** WorkdirRelativePath, DL3000 (relative WORKDIR) and DL3045 (COPY to a relative path with no WORKDIR). */
final class Workdirs implements Check {

    @Override
    public void check(LintContext ctx) {
        for (Stage s : ctx.stages()) {
            boolean workdirSet = inherited(ctx, s);
            for (Instruction i : s.instructions()) {
                if (i.keyword() == Keyword.WORKDIR) {
                    String dir = unquote(i.arguments().text());
                    if (!absolute(dir)) {
                        ctx.report("DL3000", i.arguments(), "Use an absolute WORKDIR, not '" + dir + "'.");
                        if (!workdirSet) {
                            ctx.report("WorkdirRelativePath", i.arguments(), "Relative workdir '" + dir
                                + "' can have unexpected results if the base image changes; make it absolute.");
                        }
                    }
                    workdirSet = true;
                } else if (i.keyword() == Keyword.COPY && !workdirSet) {
                    List<String> args = arguments(i);
                    if (args.size() >= 2) {
                        String dest = unquote(args.get(args.size() - 1));
                        if (!absolute(dest) && !dest.startsWith("$")) {
                            ctx.report("DL3045", ctx.head(i), "COPY to the relative destination '" + dest
                                + "' without a WORKDIR set; set WORKDIR or use an absolute path.");
                        }
                    }
                }
            }
        }
    }

    /** Whether the parent stage chain (stages used as base) sets a WORKDIR. */
    private static boolean inherited(LintContext ctx, Stage s) {
        for (Stage p = ctx.parentStage(s); p != null; p = ctx.parentStage(p)) {
            for (Instruction i : p.instructions()) {
                if (i.keyword() == Keyword.WORKDIR) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<String> arguments(Instruction i) {
        if (i.arguments() instanceof ExecForm e) {
            return e.values();
        }
        if (i.arguments() instanceof WordList w) {
            return w.values();
        }
        return List.of();
    }

    static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** Absolute on Linux or Windows, or starting with a variable (decided at build time). */
    static boolean absolute(String path) {
        return path.startsWith("/") || path.startsWith("$") || path.matches("(?i)[a-z]:[\\\\/].*") || path.startsWith("\\");
    }
}
