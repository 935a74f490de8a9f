package dev.estiba.lint;

import dev.estiba.grammar.Suggestions;
import java.util.ArrayList;
import java.util.List;

/** Finds {@code $NAME} and {@code ${NAME...}} references in builder-expanded text. */
public final class Vars {

    /** A variable reference: the name and its offsets in the text. */
    public record Ref(String name, int start, int end) {
    }

    private Vars() {
    }

    /** The references in {@code text}; {@code escape} before {@code $} and single quotes hide one. */
    public static List<Ref> refs(String text, char escape) {
        List<Ref> out = new ArrayList<>();
        boolean single = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == escape) {
                i++;
            } else if (c == '\'') {
                single = !single;
            } else if (c == '$' && !single && i + 1 < text.length()) {
                int start = i;
                int j = i + 1;
                boolean braced = text.charAt(j) == '{';
                if (braced) {
                    j++;
                }
                int nameStart = j;
                while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
                    j++;
                }
                if (j > nameStart && !Character.isDigit(text.charAt(nameStart))) {
                    int end = j;
                    if (braced) {
                        int close = text.indexOf('}', j);
                        end = close < 0 ? text.length() : close + 1;
                    }
                    out.add(new Ref(text.substring(nameStart, j), start, end));
                    i = end - 1;
                }
            }
        }
        return out;
    }

    /**
     * Expands references with the given values; a missing name becomes empty. {@code ${X:-d}} and
     * {@code ${X-d}} use the default, {@code ${X:+a}} the alternative.
     */
    public static String expand(String text, java.util.Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        int last = 0;
        for (Ref r : refs(text, '\\')) {
            sb.append(text, last, r.start());
            String v = values.get(r.name());
            String ref = text.substring(r.start(), r.end());
            int op = ref.startsWith("${") ? 2 + r.name().length() : -1;
            if (op > 0 && op < ref.length() - 1) {
                String rest = ref.substring(op, ref.length() - 1);
                if (rest.startsWith(":-") || rest.startsWith("-")) {
                    String d = rest.substring(rest.indexOf('-') + 1);
                    v = v == null || v.isEmpty() && rest.startsWith(":") ? d : v;
                } else if (rest.startsWith(":+") || rest.startsWith("+")) {
                    v = v == null || v.isEmpty() ? "" : rest.substring(rest.indexOf('+') + 1);
                }
            }
            sb.append(v == null ? "" : v);
            last = r.end();
        }
        return sb.append(text.substring(last)).toString();
    }

    /** The closest candidate within a small distance, or null. */
    public static String suggest(String name, Iterable<String> candidates) {
        return Suggestions.closest(name, candidates, c -> Math.max(1, Math.min(name.length(), c.length()) / 3));
    }
}
