package dev.estiba.expand;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Word splitting, quote removal and {@code $VAR} expansion as BuildKit's Dockerfile front end does
 * them (its {@code shell.Lex}). Pure and immutable: one lexer can serve any number of threads.
 *
 * <p>Supported: {@code '...'} (literal), {@code "..."} (expands, the escape character escapes only
 * {@code "}, {@code $} and itself), the escape character outside quotes (escapes anything; a lone
 * one at the end is dropped), {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-w}} {@code ${NAME-w}}
 * {@code ${NAME:+w}} {@code ${NAME+w}} {@code ${NAME:?msg}} {@code ${NAME?msg}}, {@code ${NAME#p}}
 * {@code ${NAME##p}} {@code ${NAME%p}} {@code ${NAME%%p}}, {@code ${NAME/p/r}} {@code ${NAME//p/r}}
 * with {@link ShellPattern shell patterns}. Positional ({@code $1}, {@code ${10}}) and special
 * ({@code $@ $* $# $? $- $$ $! $0}) parameters are looked up like any name, so they are unset
 * unless the environment defines them.
 */
public final class ShellLexer {
    private final int escape;
    private final boolean rawQuotes;
    private final boolean rawEscapes;
    private final boolean skipProcessQuotes;
    private final boolean skipUnsetEnv;

    private ShellLexer(int escape, boolean rawQuotes, boolean rawEscapes, boolean skipProcessQuotes,
                       boolean skipUnsetEnv) {
        this.escape = escape;
        this.rawQuotes = rawQuotes;
        this.rawEscapes = rawEscapes;
        this.skipProcessQuotes = skipProcessQuotes;
        this.skipUnsetEnv = skipUnsetEnv;
    }

    /** A lexer with the given escape character ({@code \} or {@code `}) and BuildKit's defaults. */
    public static ShellLexer withEscape(char escape) {
        return new ShellLexer(escape, false, false, false, false);
    }

    /** Keep the quote characters in the result (quotes still group and still stop expansion). */
    public ShellLexer rawQuotes(boolean on) {
        return new ShellLexer(escape, on, rawEscapes, skipProcessQuotes, skipUnsetEnv);
    }

    /** Keep escape characters in the result. */
    public ShellLexer rawEscapes(boolean on) {
        return new ShellLexer(escape, rawQuotes, on, skipProcessQuotes, skipUnsetEnv);
    }

    /** Treat quotes as ordinary characters (BuildKit does this for COPY/ADD heredoc bodies). */
    public ShellLexer skipProcessQuotes(boolean on) {
        return new ShellLexer(escape, rawQuotes, rawEscapes, on, skipUnsetEnv);
    }

    /** Leave references to unset names as written instead of expanding them to empty. */
    public ShellLexer skipUnsetEnv(boolean on) {
        return new ShellLexer(escape, rawQuotes, rawEscapes, skipProcessQuotes, on);
    }

    /** The escape character in force. */
    public char escape() {
        return (char) escape;
    }

    /**
     * Expands {@code word} against {@code env} (names are case-sensitive; a key mapped to the empty
     * string is set but empty).
     *
     * @throws ExpansionException with the reason when the word is malformed or a {@code ?} check fails
     */
    public Expansion expand(String word, Map<String, String> env) {
        Objects.requireNonNull(word, "word");
        Objects.requireNonNull(env, "env");
        return new WordScanner(this, word, env).run();
    }

    /** The expanded word (quotes removed, not split). */
    public String expandWord(String word, Map<String, String> env) {
        return expand(word, env).value();
    }

    /** The expanded text split into words, as EXPOSE and word lists need it. */
    public List<String> expandWords(String word, Map<String, String> env) {
        return expand(word, env).words();
    }

    int escapeChar() {
        return escape;
    }

    boolean keepsQuotes() {
        return rawQuotes;
    }

    boolean keepsEscapes() {
        return rawEscapes;
    }

    boolean processesQuotes() {
        return !skipProcessQuotes;
    }

    boolean leavesUnsetAsWritten() {
        return skipUnsetEnv;
    }
}
