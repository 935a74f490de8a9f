package dev.estiba.lint.rules;

import dev.estiba.grammar.tree.Instruction;
import dev.estiba.instructions.InstructionException;
import dev.estiba.instructions.InstructionParser;
import dev.estiba.lint.LintContext;
import dev.estiba.lint.RuleCatalog;

/**
 * DL1000 for instructions the builder refuses although they parse: unknown or misplaced flags, a
 * missing flag value, bad argument counts, an invalid stage name. The build would stop there.
 */
final class InstructionErrors implements Check {

    @Override
    public void check(LintContext ctx) {
        for (Instruction i : ctx.tree().instructions()) {
            try {
                InstructionParser.parse(i, ctx.tree().sourceName());
            } catch (InstructionException e) {
                ctx.report(RuleCatalog.PARSE_ERROR, ctx.head(i), e.detail());
            }
        }
    }
}
