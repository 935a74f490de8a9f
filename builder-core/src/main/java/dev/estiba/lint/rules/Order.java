package dev.estiba.lint.rules;

import dev.estiba.grammar.tree.Flag;
import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.Keyword;
import dev.estiba.lint.LintContext;
import dev.estiba.lint.Stage;
import java.util.List;

/** DL3061 (the file must start with FROM or ARG) and DL3059 (consecutive RUNs). */
final class Order implements Check {

    @Override
    public void check(LintContext ctx) {
        List<Instruction> all = ctx.tree().instructions();
        if (!all.isEmpty() && all.get(0).keyword() != Keyword.FROM && all.get(0).keyword() != Keyword.ARG) {
            ctx.report("DL3061", ctx.head(all.get(0)),
                "The Dockerfile begins with " + all.get(0).keyword() + "; it must begin with FROM, ARG or a comment.");
        }
        for (Stage s : ctx.stages()) {
            // comments do not separate RUNs; RUNs with other flags, or with more than two commands
            // (deliberately split chains), do not count
            Instruction prev = null;
            for (Instruction i : s.instructions()) {
                if (i.keyword() != Keyword.RUN) {
                    prev = null;
                } else if (prev != null && flags(prev).equals(flags(i)) && commands(ctx, prev) <= 2 && commands(ctx, i) <= 2) {
                    ctx.report("DL3059", ctx.head(i), "Multiple consecutive RUN instructions; consider joining them"
                        + " with && to save a layer.");
                } else {
                    prev = i;
                }
            }
        }
    }

    private static int commands(LintContext ctx, Instruction run) {
        return ctx.script(run).map(r -> r.script().commands().size()).orElse(1);
    }

    private static List<String> flags(Instruction i) {
        return i.flags().stream().map(Flag::text).sorted().toList();
    }
}
