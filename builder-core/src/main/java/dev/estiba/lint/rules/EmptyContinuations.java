package dev.estiba.lint.rules;

import dev.estiba.grammar.tree.Position;
import dev.estiba.lint.LintContext;
import dev.estiba.lint.SourceRange;

/** NoEmptyContinuation: a blank line inside a continued instruction. */
final class EmptyContinuations implements Check {

    @Override
    public void check(LintContext ctx) {
        for (Position p : ctx.tree().emptyContinuationLines()) {
            ctx.report("NoEmptyContinuation", SourceRange.at(p.line(), p.column()),
                "Empty continuation line; remove it (it will become an error in a future Dockerfile syntax).");
        }
    }
}
