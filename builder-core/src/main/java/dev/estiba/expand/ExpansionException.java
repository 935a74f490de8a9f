package dev.estiba.expand;

/**
 * A word that cannot be expanded: an unterminated quote, a bad substitution, an invalid pattern,
 * or a {@code ${VAR:?message}} whose variable is unset. The message reads like BuildKit's:
 * {@code failed to process "<word>": <reason>}.
 */
public final class ExpansionException extends RuntimeException {
    private final String word;
    private final String reason;

    public ExpansionException(String word, String reason) {
        super("failed to process " + quote(word) + ": " + reason);
        this.word = word;
        this.reason = reason;
    }

    /** The word as written, before expansion. */
    public String word() {
        return word;
    }

    /** Why it failed, without the word: for {@code ${X:?must be set}} this is {@code X: must be set}. */
    public String reason() {
        return reason;
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> b.appendCodePoint(c);
            }
        });
        return b.append('"').toString();
    }
}
