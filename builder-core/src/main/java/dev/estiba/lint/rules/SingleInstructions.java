package dev.estiba.lint.rules;

import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.Keyword;
import dev.estiba.lint.LintContext;
import dev.estiba.lint.Stage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Instructions of which only the last counts: MultipleInstructionsDisallowed (CMD, ENTRYPOINT,
 * HEALTHCHECK), DL4003 (CMD), DL4004 (ENTRYPOINT), DL3012 (HEALTHCHECK); and DL3057 (no HEALTHCHECK).
 */
final class SingleInstructions implements Check {
    private static final Map<Keyword, String> HADOLINT = Map.of(
        Keyword.CMD, "DL4003", Keyword.ENTRYPOINT, "DL4004", Keyword.HEALTHCHECK, "DL3012");

    @Override
    public void check(LintContext ctx) {
        boolean healthcheck = false;
        for (Stage s : ctx.stages()) {
            Map<Keyword, Instruction> last = new EnumMap<>(Keyword.class);
            for (Instruction i : s.instructions()) {
                if (HADOLINT.containsKey(i.keyword())) {
                    last.put(i.keyword(), i);
                }
            }
            Map<Keyword, Boolean> seen = new EnumMap<>(Keyword.class);
            for (Instruction i : s.instructions()) {
                Keyword k = i.keyword();
                healthcheck |= k == Keyword.HEALTHCHECK;
                if (!HADOLINT.containsKey(k)) {
                    continue;
                }
                if (last.get(k) != i) {
                    ctx.report("MultipleInstructionsDisallowed", ctx.head(i), "Multiple " + k
                        + " instructions should not be used in the same stage because only the last one will be used.");
                }
                if (seen.put(k, true) != null) {
                    ctx.report(HADOLINT.get(k), ctx.head(i), "Multiple " + k + " instructions in one stage; only the last takes effect.");
                }
            }
        }
        List<Stage> stages = ctx.stages();
        if (!healthcheck && !stages.isEmpty()) {
            ctx.report("DL3057", ctx.head(stages.get(stages.size() - 1).from()),
                "The image has no HEALTHCHECK; add one so the runtime can tell whether the container works.");
        }
    }
}
