package dev.estiba.lint.shell;

/**
 * A lexical token: a word, an operator, a redirection or a newline.
 *
 * @param kind what the token is
 * @param text the operator text (for words, the raw word)
 * @param word the word, for {@link Kind#WORD} and the target of {@link Kind#REDIRECT}
 * @param start offset of the token
 * @param heredoc the heredoc body holder of a heredoc redirection, else null
 */
record Token(Kind kind, String text, Word word, int start, StringBuilder heredoc) {
    enum Kind { WORD, OPERATOR, REDIRECT, NEWLINE }

    boolean is(String op) {
        return kind == Kind.OPERATOR && text.equals(op);
    }
}
