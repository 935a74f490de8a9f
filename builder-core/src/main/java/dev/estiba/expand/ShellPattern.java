package dev.estiba.expand;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell patterns of {@code ${VAR#p}}, {@code ${VAR%p}} and {@code ${VAR/p/r}}, as BuildKit
 * implements them: {@code *} matches any run (including {@code /}), {@code ?} one character, and
 * {@code \*}, {@code \?}, {@code \\} are literals. Bracket expressions are <em>not</em> supported:
 * {@code [} and {@code ]} match themselves. {@code \}} and {@code \/} stand for {@code }} and
 * {@code /}; any other escape is an error.
 */
final class ShellPattern {
    private ShellPattern() {
    }

    /** A pattern that cannot be used; the message names the pattern and the reason. */
    static final class InvalidPattern extends RuntimeException {
        InvalidPattern(String pattern, String reason) {
            super("invalid pattern (" + pattern + ") in substitution: " + reason, null, false, false);
        }
    }

    /** The pattern as a regular expression: {@code *} shortest or longest, anchored at the start or not. */
    static Pattern toRegex(String pattern, boolean greedy, boolean anchored) {
        StringBuilder out = new StringBuilder(pattern.length() + 4);
        if (anchored) {
            out.append('^');
        }
        int[] cps = pattern.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            switch (c) {
                case '*' -> out.append(greedy ? ".*" : ".*?");
                case '?' -> out.append('.');
                case '\\' -> {
                    int n = i + 1 < cps.length ? cps[i + 1] : -1;
                    if (n == '}' || n == '/') {
                        continue; // the escape only kept the character from ending the ${...} part
                    }
                    if (n != '*' && n != '?' && n != '\\') {
                        throw new InvalidPattern(pattern, n == -1 ? "trailing '\\'"
                            : "invalid escape '\\" + Character.toString(n) + "'");
                    }
                    out.append('\\').appendCodePoint(n);
                    i++;
                }
                case '[', ']', '{', '}', '.', '+', '(', ')', '|', '^', '$' -> out.append('\\').appendCodePoint(c);
                default -> out.appendCodePoint(c);
            }
        }
        // Go's '.' excludes only '\n': UNIX_LINES gives Java the same.
        return Pattern.compile(out.toString(), Pattern.UNIX_LINES);
    }

    /** {@code ${value#pattern}} ({@code longest}: {@code ##}). */
    static String trimPrefix(String pattern, String value, boolean longest) {
        Matcher m = toRegex(pattern, longest, true).matcher(value);
        return m.find() ? value.substring(m.end()) : value;
    }

    /** {@code ${value%pattern}} ({@code longest}: {@code %%}): a prefix trim of both reversed. */
    static String trimSuffix(String pattern, String value, boolean longest) {
        String reversed = trimPrefix(reversePattern(pattern), reverse(value), longest);
        return reverse(reversed);
    }

    /** {@code ${value/pattern/replacement}}, or every match with {@code all}. */
    static String replace(String pattern, String value, String replacement, boolean all) {
        Matcher m = toRegex(pattern, true, false).matcher(value);
        if (!all) {
            return m.find() ? value.substring(0, m.start()) + replacement + value.substring(m.end()) : value;
        }
        // Go's ReplaceAllString: an empty match right after the previous match is skipped, and the
        // replacement is a template where $0 is the match, $$ a dollar and any other $name empty.
        StringBuilder out = new StringBuilder();
        int copied = 0;
        int search = 0;
        int previousEnd = -1;
        while (search <= value.length() && m.find(search)) {
            int start = m.start();
            int end = m.end();
            if (!(start == end && start == previousEnd)) {
                out.append(value, copied, start);
                appendTemplate(out, replacement, m.group());
                copied = end;
                previousEnd = end;
            }
            if (end > search) {
                search = end;
            } else if (search >= value.length()) {
                break;
            } else {
                search += Character.charCount(value.codePointAt(search));
            }
        }
        out.append(value, copied, value.length());
        return out.toString();
    }

    /** Go's {@code Regexp.Expand} with only group 0 defined: {@code $0} or {@code ${0}} is the match. */
    private static void appendTemplate(StringBuilder out, String template, String match) {
        int i = 0;
        while (i < template.length()) {
            int dollar = template.indexOf('$', i);
            if (dollar < 0) {
                break;
            }
            out.append(template, i, dollar);
            i = dollar + 1;
            if (i < template.length() && template.charAt(i) == '$') {
                out.append('$');
                i++;
                continue;
            }
            boolean brace = i < template.length() && template.charAt(i) == '{';
            int nameStart = brace ? i + 1 : i;
            int j = nameStart;
            while (j < template.length()) {
                int c = template.codePointAt(j);
                if (!Character.isLetter(c) && !Character.isDigit(c) && c != '_') {
                    break;
                }
                j += Character.charCount(c);
            }
            if (j == nameStart || (brace && (j >= template.length() || template.charAt(j) != '}'))) {
                out.append('$'); // malformed: the dollar is literal text
                continue;
            }
            if (template.substring(nameStart, j).equals("0")) {
                out.append(match);
            }
            i = brace ? j + 1 : j;
        }
        out.append(template, Math.min(i, template.length()), template.length());
    }

    /** Reverses a pattern keeping each {@code \x} pair in order, so {@code a\*c} becomes {@code c\*a}. */
    static String reversePattern(String pattern) {
        int[] in = pattern.codePoints().toArray();
        int[] out = new int[in.length];
        int last = in.length - 1;
        int i = 0;
        while (i <= last) {
            int at = last - i;
            if (in[i] == '\\' && i != last) {
                out[at - 1] = in[i];
                out[at] = in[i + 1];
                i += 2;
            } else {
                out[at] = in[i];
                i++;
            }
        }
        return new String(out, 0, out.length);
    }

    static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }
}
