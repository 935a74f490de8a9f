package dev.estiba.lint.fix;

import dev.estiba.grammar.DockerfileParser;
import dev.estiba.grammar.tree.Dockerfile;
import dev.estiba.grammar.tree.Flag;
import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.KeyValue;
import dev.estiba.grammar.tree.KeyValueList;
import dev.estiba.grammar.tree.Keyword;
import dev.estiba.grammar.tree.OnbuildTrigger;
import dev.estiba.grammar.tree.Word;
import dev.estiba.grammar.tree.WordList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The fixes that cannot change what a build does: keyword casing, {@code AS} casing, stage name
 * casing with its references, legacy {@code ENV k v} / {@code LABEL k v} to {@code k=v}, MAINTAINER to
 * a LABEL, and a redundant {@code --platform=$TARGETPLATFORM}. Only the affected characters change;
 * comments and layout stay. Values the rewrite could change (quotes, escapes, continued lines) are left alone.
 */
public final class Fixer {
    private Fixer() {
    }

    /** The edits for a text (empty when it does not parse or needs none), ordered by offset, never overlapping. */
    public static List<Edit> edits(String name, String text) {
        Dockerfile tree = DockerfileParser.parse(name, text);
        List<Edit> edits = new ArrayList<>();
        keywordCasing(tree, edits);
        stages(tree, text, edits);
        for (Instruction i : tree.instructions()) {
            legacy(i, text, edits);
            maintainer(i, text, edits);
            platform(i, text, edits);
        }
        edits.sort(Comparator.comparingInt(Edit::start));
        List<Edit> out = new ArrayList<>();
        int last = -1;
        for (Edit e : edits) {
            if (e.start() >= last) {
                out.add(e);
                last = e.end();
            }
        }
        return out;
    }

    /** Applies edits (as {@link #edits} returns them) to the text. */
    public static String apply(String text, List<Edit> edits) {
        StringBuilder sb = new StringBuilder(text);
        for (int k = edits.size() - 1; k >= 0; k--) {
            Edit e = edits.get(k);
            sb.replace(e.start(), e.end(), e.replacement());
        }
        return sb.toString();
    }

    /** Fixes a text in one go. */
    public static String fix(String name, String text) {
        return apply(text, edits(name, text));
    }

    private static List<Instruction> withTriggers(Dockerfile tree) {
        List<Instruction> all = new ArrayList<>();
        for (Instruction i : tree.instructions()) {
            all.add(i);
            if (i.arguments() instanceof OnbuildTrigger t) {
                all.add(t.trigger());
            }
        }
        return all;
    }

    private static void keywordCasing(Dockerfile tree, List<Edit> edits) {
        boolean toUpper = majorityUpper(tree);
        for (Instruction i : withTriggers(tree)) {
            String k = i.keywordText();
            String want = toUpper ? k.toUpperCase(Locale.ROOT) : k.toLowerCase(Locale.ROOT);
            if (!k.equals(want)) {
                edits.add(new Edit("ConsistentInstructionCasing", i.keywordRange().start().offset(),
                    i.keywordRange().end().offset(), want));
            }
        }
    }

    private static void stages(Dockerfile tree, String text, List<Edit> edits) {
        Set<String> renamed = new HashSet<>();
        boolean toUpper = majorityUpper(tree);
        for (Instruction i : tree.instructions()) {
            if (i.keyword() != Keyword.FROM || !(i.arguments() instanceof WordList w)) {
                continue;
            }
            List<Word> words = w.words();
            if (words.size() >= 1 && renamed.contains(words.get(0).text().toLowerCase(Locale.ROOT))
                && !words.get(0).text().equals(words.get(0).text().toLowerCase(Locale.ROOT))) {
                replaceWord(edits, "StageNameCasing", words.get(0), words.get(0).text().toLowerCase(Locale.ROOT));
            }
            if (words.size() >= 3 && words.get(1).text().equalsIgnoreCase("as")) {
                String as = words.get(1).text();
                // FROM itself ends up in the file's majority case
                String wantAs = toUpper ? "AS" : "as";
                if (!as.equals(wantAs)) {
                    replaceWord(edits, "FromAsCasing", words.get(1), wantAs);
                }
                String name = words.get(2).text();
                if (!name.equals(name.toLowerCase(Locale.ROOT)) && name.matches("[A-Za-z0-9._-]+")) {
                    renamed.add(name.toLowerCase(Locale.ROOT));
                    replaceWord(edits, "StageNameCasing", words.get(2), name.toLowerCase(Locale.ROOT));
                }
            }
        }
        if (renamed.isEmpty()) {
            return;
        }
        for (Instruction i : withTriggers(tree)) {
            for (Flag f : i.flags()) {
                references(f, text, renamed, edits);
            }
        }
    }

    private static boolean majorityUpper(Dockerfile tree) {
        int upper = 0;
        int lower = 0;
        for (Instruction i : withTriggers(tree)) {
            String k = i.keywordText();
            upper += k.equals(k.toUpperCase(Locale.ROOT)) ? 1 : 0;
            lower += k.equals(k.toLowerCase(Locale.ROOT)) ? 1 : 0;
        }
        return upper >= lower;
    }

    /** {@code --from=Name} and {@code --mount=...,from=Name,...} naming a renamed stage. */
    private static void references(Flag f, String text, Set<String> renamed, List<Edit> edits) {
        int start = f.range().start().offset();
        String written = text.substring(start, f.range().end().offset());
        if (!written.equals(f.original())) {
            return;
        }
        if (f.name().equals("from")) {
            int eq = written.indexOf('=');
            String v = written.substring(eq + 1);
            if (renamed.contains(v.toLowerCase(Locale.ROOT)) && !v.equals(v.toLowerCase(Locale.ROOT))) {
                edits.add(new Edit("StageNameCasing", start + eq + 1, start + written.length(), v.toLowerCase(Locale.ROOT)));
            }
        } else if (f.name().equals("mount")) {
            var m = java.util.regex.Pattern.compile("(?<=[=,])from=([A-Za-z0-9._-]+)").matcher(written);
            while (m.find()) {
                String v = m.group(1);
                if (renamed.contains(v.toLowerCase(Locale.ROOT)) && !v.equals(v.toLowerCase(Locale.ROOT))) {
                    edits.add(new Edit("StageNameCasing", start + m.start(1), start + m.end(1), v.toLowerCase(Locale.ROOT)));
                }
            }
        }
    }

    private static void replaceWord(List<Edit> edits, String rule, Word w, String replacement) {
        edits.add(new Edit(rule, w.range().start().offset(), w.range().end().offset(), replacement));
    }

    private static void legacy(Instruction i, String text, List<Edit> edits) {
        if (!(i.arguments() instanceof KeyValueList kv) || !kv.legacy() || kv.pairs().size() != 1) {
            return;
        }
        KeyValue p = kv.pairs().get(0);
        int start = p.range().start().offset();
        int end = p.range().end().offset();
        String written = text.substring(start, end);
        String value = p.value().strip();
        if (!written.equals(p.text()) || written.contains("\n") || value.isEmpty()
            || value.matches(".*[\"'\\\\`].*") || !p.key().matches("[A-Za-z0-9_.-]+")) {
            return;
        }
        String v = value.matches("\\S+") ? value : "\"" + value + "\"";
        edits.add(new Edit("LegacyKeyValueFormat", start, end, p.key() + "=" + v));
    }

    private static void maintainer(Instruction i, String text, List<Edit> edits) {
        if (i.keyword() != Keyword.MAINTAINER) {
            return;
        }
        String who = i.arguments().text().strip();
        int start = i.keywordRange().start().offset();
        int end = i.arguments().range().end().offset();
        if (who.isEmpty() || who.matches(".*[\"\\\\`$].*") || text.substring(start, end).contains("\n")) {
            return;
        }
        String label = i.keywordText().equals("maintainer") ? "label" : "LABEL";
        edits.add(new Edit("MaintainerDeprecated", start, end, label + " org.opencontainers.image.authors=\"" + who + "\""));
    }

    private static void platform(Instruction i, String text, List<Edit> edits) {
        if (i.keyword() != Keyword.FROM) {
            return;
        }
        for (Flag f : i.flags("platform")) {
            String v = f.value().orElse("");
            if (v.equals("$TARGETPLATFORM") || v.equals("${TARGETPLATFORM}")) {
                int start = f.range().start().offset();
                int end = f.range().end().offset();
                while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
                    end++;
                }
                edits.add(new Edit("RedundantTargetPlatform", start, end, ""));
            }
        }
    }
}
