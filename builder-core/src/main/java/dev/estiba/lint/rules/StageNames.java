package dev.estiba.lint.rules;

import dev.estiba.lint.LintContext;
import dev.estiba.lint.Stage;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** StageNameCasing, FromAsCasing, DuplicateStageName, ReservedStageName and DL3024. */
final class StageNames implements Check {

    @Override
    public void check(LintContext ctx) {
        Set<String> seen = new HashSet<>();
        for (Stage s : ctx.stages()) {
            if (s.asWord() != null) {
                String from = s.from().keywordText();
                String as = s.asWord().text();
                boolean fromUpper = from.equals(from.toUpperCase(Locale.ROOT));
                boolean asUpper = as.equals(as.toUpperCase(Locale.ROOT));
                boolean asLower = as.equals(as.toLowerCase(Locale.ROOT));
                if (fromUpper ? !asUpper : !asLower) {
                    ctx.report("FromAsCasing", s.asWord(), "'" + as + "' and '" + from
                        + "' keywords' casing do not match; write '" + (fromUpper ? "AS" : "as") + "'.");
                }
            }
            if (s.nameWord() == null) {
                continue;
            }
            String written = s.nameWord().text();
            if (!written.equals(written.toLowerCase(Locale.ROOT))) {
                ctx.report("StageNameCasing", s.nameWord(),
                    "Stage name '" + written + "' should be lowercase: '" + written.toLowerCase(Locale.ROOT) + "'.");
            }
            if (s.name().equals("scratch") || s.name().equals("context")) {
                ctx.report("ReservedStageName", s.nameWord(),
                    "'" + s.name() + "' is reserved and should not be used as a stage name.");
            }
            if (!seen.add(s.name())) {
                ctx.report("DuplicateStageName", s.nameWord(),
                    "Duplicate stage name '" + s.name() + "'; stage names must be unique.");
                ctx.report("DL3024", s.nameWord(),
                    "FROM alias '" + s.name() + "' is already used by an earlier stage; aliases must be unique.");
            }
        }
    }
}
