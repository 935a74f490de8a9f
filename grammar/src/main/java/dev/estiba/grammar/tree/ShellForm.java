package dev.estiba.grammar.tree;

/**
 * Shell form: the rest of the logical line verbatim (quotes, escapes and inner white space kept), e.g.
 * {@code echo "hi" && ls}. Heredoc bodies are not part of it (see {@link Instruction#heredocs()}).
 *
 * @param text the command text, trimmed
 * @param range the text
 */
public record ShellForm(String text, SourceRange range) implements Arguments {
}
