package dev.estiba.lint.rules;

import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.KeyValue;
import dev.estiba.grammar.tree.KeyValueList;
import dev.estiba.grammar.tree.Keyword;
import dev.estiba.lint.LabelType;
import dev.estiba.lint.LintContext;
import dev.estiba.lint.Stage;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * LABEL rules: DL3048 (key syntax), and with a label schema DL3049 (missing), DL3050 (not in the
 * schema, strict labels), DL3051 (empty) and the value formats DL3052-DL3056 and DL3058.
 */
final class Labels implements Check {
    private static final Map<LabelType, String> FORMAT_RULE = Map.of(LabelType.URL, "DL3052", LabelType.RFC3339, "DL3053",
        LabelType.SPDX, "DL3054", LabelType.HASH, "DL3055", LabelType.SEMVER, "DL3056", LabelType.EMAIL, "DL3058");

    @Override
    public void check(LintContext ctx) {
        Map<String, LabelType> schema = ctx.config().labelSchema();
        for (Stage s : ctx.stages()) {
            Set<String> present = new HashSet<>();
            for (Stage p = ctx.parentStage(s); p != null; p = ctx.parentStage(p)) {
                p.instructions().forEach(i -> keys(i, present));
            }
            for (Instruction i : s.instructions()) {
                if (i.keyword() != Keyword.LABEL || !(i.arguments() instanceof KeyValueList kv)) {
                    continue;
                }
                for (KeyValue pair : kv.pairs()) {
                    label(ctx, schema, pair);
                }
                keys(i, present);
            }
            for (String required : schema.keySet()) {
                if (!present.contains(required)) {
                    ctx.report("DL3049", ctx.head(s.from()), "Label '" + required + "' is missing from this stage.");
                }
            }
        }
    }

    private static void keys(Instruction i, Set<String> into) {
        if (i.keyword() == Keyword.LABEL && i.arguments() instanceof KeyValueList kv) {
            kv.pairs().forEach(p -> into.add(Workdirs.unquote(p.key())));
        }
    }

    private static void label(LintContext ctx, Map<String, LabelType> schema, KeyValue pair) {
        String key = Workdirs.unquote(pair.key());
        String value = Workdirs.unquote(pair.value());
        if (!validKey(key)) {
            ctx.report("DL3048", pair, "Invalid label key '" + key + "': use lower-case letters, digits, '.' and '-',"
                + " start with a letter, end with a letter or digit, and avoid the com.docker., io.docker. and org.dockerproject. namespaces.");
        }
        if (schema.isEmpty()) {
            return;
        }
        LabelType type = schema.get(key);
        if (type == null) {
            if (ctx.config().strictLabels()) {
                ctx.report("DL3050", pair, "Label '" + key + "' is not in the label schema (strict labels).");
            }
            return;
        }
        if (value.isEmpty()) {
            ctx.report("DL3051", pair, "Label '" + key + "' is empty.");
            return;
        }
        if (value.contains("$") || type == LabelType.TEXT || valid(type, value)) {
            return;
        }
        String what = switch (type) {
            case URL -> "a valid URL";
            case RFC3339 -> "an RFC 3339 time (2024-01-31T12:00:00Z)";
            case SPDX -> "an SPDX license identifier (Apache-2.0, MIT...)";
            case HASH -> "a git commit hash";
            case SEMVER -> "a semantic version (1.2.3)";
            case EMAIL -> "an RFC 5322 email address";
            case TEXT -> "text";
        };
        ctx.report(FORMAT_RULE.get(type), pair, "Label '" + key + "' is not " + what + ": '" + value + "'.");
    }

    static boolean validKey(String key) {
        return key.matches("[a-z](?:[a-z0-9.-]*[a-z0-9])?") && !key.contains("..") && !key.contains("--")
            && !key.startsWith("com.docker.") && !key.startsWith("io.docker.") && !key.startsWith("org.dockerproject.");
    }

    static boolean valid(LabelType type, String v) {
        return switch (type) {
            case URL -> url(v);
            case RFC3339 -> rfc3339(v);
            case SPDX -> Spdx.valid(v);
            case HASH -> v.matches("[0-9a-fA-F]{7,40}|[0-9a-fA-F]{64}");
            case SEMVER -> v.matches("v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                + "(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");
            case EMAIL -> v.matches("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*");
            case TEXT -> true;
        };
    }

    private static boolean url(String v) {
        try {
            URI u = new URI(v);
            return u.getScheme() != null && (u.getHost() != null || "mailto".equals(u.getScheme()) || "file".equals(u.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean rfc3339(String v) {
        try {
            OffsetDateTime.parse(v.replace(' ', 'T').replace('t', 'T').replace('z', 'Z'));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
