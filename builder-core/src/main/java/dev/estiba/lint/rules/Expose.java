package dev.estiba.lint.rules;

import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.Keyword;
import dev.estiba.grammar.tree.Word;
import dev.estiba.grammar.tree.WordList;
import dev.estiba.lint.LintContext;
import java.util.Locale;

/** ExposeProtoCasing, ExposeInvalidFormat and DL3011 (port out of range). */
final class Expose implements Check {

    @Override
    public void check(LintContext ctx) {
        for (Instruction i : ctx.tree().instructions()) {
            if (i.keyword() != Keyword.EXPOSE || !(i.arguments() instanceof WordList words)) {
                continue;
            }
            for (Word w : words.words()) {
                String t = w.text();
                int slash = t.indexOf('/');
                String port = slash < 0 ? t : t.substring(0, slash);
                if (slash >= 0) {
                    String proto = t.substring(slash + 1);
                    if (!proto.equals(proto.toLowerCase(Locale.ROOT))) {
                        ctx.report("ExposeProtoCasing", w, "Defined protocol '" + t + "' in EXPOSE should be lowercase: '"
                            + port + "/" + proto.toLowerCase(Locale.ROOT) + "'.");
                    }
                }
                if (port.contains(":")) {
                    ctx.report("ExposeInvalidFormat", w, "EXPOSE instruction should not define an IP address or host-port mapping ('"
                        + t + "'); expose the container port only: '" + port.substring(port.lastIndexOf(':') + 1) + "'.");
                    continue;
                }
                for (String p : port.split("-", 2)) {
                    if (p.matches("\\d+") && (p.length() > 5 || Integer.parseInt(p) > 65535)) {
                        ctx.report("DL3011", w, "Port " + p + " is out of range; valid ports are 0 to 65535.");
                    }
                }
            }
        }
    }
}
