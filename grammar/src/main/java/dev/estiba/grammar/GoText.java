package dev.estiba.grammar;

/**
 * The bits of Go's text handling that BuildKit's parser relies on: {@code unicode.IsSpace}, {@code strings.TrimSpace}
 * and {@code strconv.Quote}. Source text decoded by {@link SourceDecoder} carries bytes that were not valid UTF-8 as
 * the lone surrogates U+DC80..U+DCFF, which {@link #quote} prints back as {@code \xHH}.
 */
public final class GoText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoText() {
    }

    /** Go's {@code unicode.IsSpace}. */
    public static boolean isSpace(char c) {
        switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u0085', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F',
                    '\u205F', '\u3000' -> {
                return true;
            }
            default -> {
                return c >= '\u2000' && c <= '\u200A';
            }
        }
    }

    /** The first index in {@code [from, to)} that is not Go white space, or {@code to}. */
    static int skipSpace(CharSequence s, int from, int to) {
        int i = from;
        while (i < to && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of {@code [from, to)} with trailing Go white space removed. */
    static int trimEnd(CharSequence s, int from, int to) {
        int i = to;
        while (i > from && isSpace(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** True for BuildKit's word separator class {@code [\t\v\f\r ]}. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Go's {@code strconv.Quote}: a double-quoted Go string literal, escaping what is not printable. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        appendQuoted(sb, s);
        return sb.toString();
    }

    /** Appends Go's {@code strconv.Quote} of {@code s} to {@code sb}. */
    public static void appendQuoted(StringBuilder sb, String s) {
        sb.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                if (c == '"' || c == '\\') {
                    sb.append('\\');
                }
                sb.append(c);
                continue;
            }
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(++i));
            } else if (c >= 0xDC80 && c <= 0xDCFF) {
                appendHexByte(sb, c - 0xDC00); // a byte that was not valid UTF-8
                continue;
            } else if (Character.isSurrogate(c)) {
                cp = 0xFFFD;
            }
            appendRune(sb, cp);
        }
        sb.append('"');
    }

    private static void appendRune(StringBuilder sb, int cp) {
        switch (cp) {
            case 0x07 -> sb.append("\\a");
            case 0x08 -> sb.append("\\b");
            case 0x0C -> sb.append("\\f");
            case 0x0A -> sb.append("\\n");
            case 0x0D -> sb.append("\\r");
            case 0x09 -> sb.append("\\t");
            case 0x0B -> sb.append("\\v");
            default -> {
                if (cp < 0x20 || cp == 0x7F) {
                    appendHexByte(sb, cp);
                } else if (isPrint(cp)) {
                    sb.appendCodePoint(cp);
                } else if (cp < 0x10000) {
                    sb.append("\\u");
                    appendHex(sb, cp, 4);
                } else {
                    sb.append("\\U");
                    appendHex(sb, cp, 8);
                }
            }
        }
    }

    private static void appendHexByte(StringBuilder sb, int b) {
        sb.append("\\x").append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }

    private static void appendHex(StringBuilder sb, int v, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            sb.append(HEX[(v >> shift) & 0xF]);
        }
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols, and the ASCII space. */
    static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }
}
