package dev.estiba.lint.shell;

/**
 * A redirection such as {@code > out}, {@code 2>&1} or a heredoc {@code <<EOF}.
 *
 * @param operator the operator ({@code >}, {@code >>}, {@code <<}, {@code <<-}, {@code >&} ...)
 * @param target the word after the operator (the delimiter for a heredoc)
 * @param heredocBody the body of a heredoc, or null for other redirections
 * @param start offset of the redirection (its fd number when given)
 */
public record Redirect(String operator, Word target, String heredocBody, int start) {

    /** Whether this is a heredoc. */
    public boolean isHeredoc() {
        return heredocBody != null;
    }
}
