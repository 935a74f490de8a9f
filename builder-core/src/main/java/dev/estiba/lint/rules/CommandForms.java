package dev.estiba.lint.rules;

import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.Keyword;
import dev.estiba.grammar.tree.NoArguments;
import dev.estiba.lint.LintContext;
import dev.estiba.lint.Stage;

/** JSONArgsRecommended and DL3025: shell-form CMD and ENTRYPOINT. */
final class CommandForms implements Check {

    @Override
    public void check(LintContext ctx) {
        for (Stage s : ctx.stages()) {
            boolean shellSet = false;
            for (Instruction i : s.instructions()) {
                if (i.keyword() == Keyword.SHELL) {
                    shellSet = true;
                }
                if ((i.keyword() != Keyword.CMD && i.keyword() != Keyword.ENTRYPOINT) || i.isExecForm()
                    || i.arguments() instanceof NoArguments) {
                    continue;
                }
                String k = i.keyword().name();
                ctx.report("DL3025", ctx.head(i), "Use the JSON form for " + k + ": " + k + " [\"executable\", \"arg\"].");
                if (!shellSet) {
                    ctx.report("JSONArgsRecommended", ctx.range(i.arguments()), "JSON arguments recommended for " + k
                        + " so that OS signals reach the process: " + k + " [\"executable\", \"arg\"].");
                }
            }
        }
    }
}
