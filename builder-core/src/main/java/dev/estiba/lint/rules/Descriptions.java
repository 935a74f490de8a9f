package dev.estiba.lint.rules;

import dev.estiba.grammar.tree.ArgDeclaration;
import dev.estiba.grammar.tree.ArgList;
import dev.estiba.grammar.tree.Comment;
import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.Keyword;
import dev.estiba.lint.LintContext;
import dev.estiba.lint.Stage;

/**
 * InvalidDefinitionDescription (experimental): a comment right above {@code FROM ... AS name} or a
 * single-name ARG should start with that name, so tools can read it as the description.
 */
final class Descriptions implements Check {

    @Override
    public void check(LintContext ctx) {
        for (Instruction i : ctx.tree().instructions()) {
            String name = null;
            if (i.keyword() == Keyword.FROM) {
                Stage s = ctx.stages().stream().filter(st -> st.from() == i).findFirst().orElse(null);
                name = s == null || s.nameWord() == null ? null : s.nameWord().text();
            } else if (i.keyword() == Keyword.ARG && i.arguments() instanceof ArgList a && a.declarations().size() == 1) {
                ArgDeclaration d = a.declarations().get(0);
                name = d.name();
            }
            if (name == null) {
                continue;
            }
            Comment above = commentAbove(ctx, i.range().start().line());
            if (above == null) {
                continue;
            }
            String first = above.text().split("\\s+", 2)[0];
            if (!first.equals(name)) {
                ctx.report("InvalidDefinitionDescription", above, "Comment for " + i.keyword() + " should follow the format"
                    + " '# " + name + " <description>'; separate other comments from the instruction with an empty line.");
            }
        }
    }

    private static Comment commentAbove(LintContext ctx, int line) {
        for (Comment c : ctx.tree().comments()) {
            if (!c.insideInstruction() && c.range().start().line() == line - 1 && !c.text().startsWith("hadolint")
                && !c.text().startsWith("estiba") && !c.text().isEmpty()) {
                return c;
            }
        }
        return null;
    }
}
