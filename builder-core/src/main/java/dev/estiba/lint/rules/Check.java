package dev.estiba.lint.rules;

import dev.estiba.lint.LintContext;

/** A group of related lint rules run over one Dockerfile; findings go to {@link LintContext#report}. */
public interface Check {
    void check(LintContext ctx);
}
