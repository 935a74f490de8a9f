package dev.estiba.lint.rules;

import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.Keyword;
import dev.estiba.lint.LintContext;

/** MaintainerDeprecated and DL4000. */
final class Maintainer implements Check {

    @Override
    public void check(LintContext ctx) {
        for (Instruction i : ctx.tree().instructions()) {
            if (i.keyword() == Keyword.MAINTAINER) {
                String who = i.arguments().text();
                ctx.report("MaintainerDeprecated", ctx.head(i),
                    "MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors=\"" + who + "\".");
                ctx.report("DL4000", ctx.head(i), "MAINTAINER is deprecated; use a LABEL such as org.opencontainers.image.authors.");
            }
        }
    }
}
