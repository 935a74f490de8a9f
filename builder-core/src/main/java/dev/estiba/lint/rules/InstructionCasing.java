package dev.estiba.lint.rules;

import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.OnbuildTrigger;
import dev.estiba.lint.LintContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** ConsistentInstructionCasing: mixed-case keywords, or keywords against the file's majority case. */
final class InstructionCasing implements Check {

    @Override
    public void check(LintContext ctx) {
        List<Instruction> all = new ArrayList<>();
        for (Instruction i : ctx.tree().instructions()) {
            all.add(i);
            if (i.arguments() instanceof OnbuildTrigger t) {
                all.add(t.trigger());
            }
        }
        int upper = 0;
        int lower = 0;
        for (Instruction i : all) {
            String k = i.keywordText();
            if (k.equals(k.toUpperCase(Locale.ROOT))) {
                upper++;
            } else if (k.equals(k.toLowerCase(Locale.ROOT))) {
                lower++;
            }
        }
        boolean majorityUpper = upper >= lower;
        for (Instruction i : all) {
            String k = i.keywordText();
            String want = majorityUpper ? k.toUpperCase(Locale.ROOT) : k.toLowerCase(Locale.ROOT);
            if (!k.equals(want)) {
                ctx.report("ConsistentInstructionCasing", ctx.range(i.keywordRange()), "Command '" + k
                    + "' should match the case of the command majority (" + (majorityUpper ? "uppercase" : "lowercase")
                    + "): '" + want + "'.");
            }
        }
    }
}
