package dev.estiba.lint.rules;

import dev.estiba.grammar.tree.ArgDeclaration;
import dev.estiba.grammar.tree.ArgList;
import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.KeyValue;
import dev.estiba.grammar.tree.KeyValueList;
import dev.estiba.grammar.tree.Keyword;
import dev.estiba.lint.LintContext;
import dev.estiba.lint.Vars;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** LegacyKeyValueFormat, SecretsUsedInArgOrEnv and DL3044 (ENV using a key of the same ENV). */
final class KeyValues implements Check {
    private static final Pattern SECRET = Pattern.compile(
        "(?i)(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)");
    private static final Pattern PUBLIC = Pattern.compile("(?i)(?:_|^)public(?:_|$)");

    @Override
    public void check(LintContext ctx) {
        Set<String> envDefined = new HashSet<>();
        for (Instruction i : ctx.tree().instructions()) {
            if (i.keyword() == Keyword.FROM) {
                envDefined.clear();
            }
            if (i.arguments() instanceof KeyValueList kv) {
                if (kv.legacy()) {
                    KeyValue p = kv.pairs().get(0);
                    ctx.report("LegacyKeyValueFormat", ctx.head(i), "\"" + i.keyword() + " key=value\" should be used instead of"
                        + " legacy \"" + i.keyword() + " key value\" format: " + i.keyword() + " " + p.key() + "="
                        + quoteIfNeeded(p.value().strip()) + ".");
                }
                if (i.keyword() == Keyword.ENV) {
                    env(ctx, kv, envDefined);
                }
            } else if (i.keyword() == Keyword.ARG && i.arguments() instanceof ArgList args) {
                for (ArgDeclaration d : args.declarations()) {
                    secret(ctx, "ARG", d.name(), d);
                }
            }
        }
    }

    private static void env(LintContext ctx, KeyValueList kv, Set<String> before) {
        Set<String> same = new HashSet<>();
        for (KeyValue p : kv.pairs()) {
            String key = Workdirs.unquote(p.key());
            secret(ctx, "ENV", key, p);
            for (Vars.Ref r : Vars.refs(p.value(), ctx.tree().escape())) {
                if (same.contains(r.name()) && !before.contains(r.name())) {
                    ctx.report("DL3044", p, "'" + r.name() + "' is defined in this ENV instruction and used in it; "
                        + "the use sees the old value. Split the ENV in two.");
                }
            }
            same.add(key);
        }
        before.addAll(same);
    }

    private static void secret(LintContext ctx, String kind, String name, dev.estiba.grammar.tree.Node at) {
        if (SECRET.matcher(name).find() && !PUBLIC.matcher(name).find()) {
            ctx.report("SecretsUsedInArgOrEnv", at, "Do not use ARG or ENV instructions for sensitive data (" + kind
                + " \"" + name + "\"); use a secret mount (RUN --mount=type=secret).");
        }
    }

    private static String quoteIfNeeded(String v) {
        return v.matches("\\S*") || v.startsWith("\"") ? v : "\"" + v.replace("\"", "\\\"") + "\"";
    }
}
