package dev.estiba.lint.rules;

import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.Keyword;
import dev.estiba.grammar.tree.OnbuildTrigger;
import dev.estiba.lint.LintContext;
import java.util.Set;

/** DL3043: ONBUILD triggering ONBUILD, FROM or MAINTAINER. */
final class Onbuild implements Check {
    private static final Set<Keyword> FORBIDDEN = Set.of(Keyword.ONBUILD, Keyword.FROM, Keyword.MAINTAINER);

    @Override
    public void check(LintContext ctx) {
        for (Instruction i : ctx.tree().instructions()) {
            if (i.arguments() instanceof OnbuildTrigger t && FORBIDDEN.contains(t.trigger().keyword())) {
                ctx.report("DL3043", ctx.range(t.trigger().keywordRange()),
                    "ONBUILD cannot trigger " + t.trigger().keyword() + "; move it out of the ONBUILD.");
            }
        }
    }
}
