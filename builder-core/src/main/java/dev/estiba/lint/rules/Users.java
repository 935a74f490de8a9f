package dev.estiba.lint.rules;

import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.Keyword;
import dev.estiba.lint.LintContext;
import dev.estiba.lint.Stage;

/** DL3002 (a stage's last USER is root) and DL3066 (a non-numeric USER). */
final class Users implements Check {

    @Override
    public void check(LintContext ctx) {
        for (Stage s : ctx.stages()) {
            Instruction lastUser = null;
            for (Instruction i : s.instructions()) {
                if (i.keyword() != Keyword.USER) {
                    continue;
                }
                lastUser = i;
                String uid = i.arguments().text().strip().split(":", 2)[0];
                if (!uid.matches("\\d+") && !uid.contains("$")) {
                    ctx.report("DL3066", i.arguments(), "USER " + uid + " is not numeric and may not resolve on the host;"
                        + " use a numeric uid[:gid].");
                }
            }
            if (lastUser != null) {
                String user = lastUser.arguments().text().strip().split(":", 2)[0];
                if (user.equals("root") || user.equals("0")) {
                    ctx.report("DL3002", ctx.head(lastUser), "The last USER of the stage should not be root;"
                        + " switch to an unprivileged user.");
                }
            }
        }
    }
}
