package dev.estiba.grammar.tree;

import java.util.OptionalInt;

/**
 * A heredoc opened by a RUN, COPY or ADD word such as {@code <<EOF}, {@code <<-EOF}, {@code <<'EOF'} or {@code 3<<EOF}.
 *
 * @param delimiter the terminator word with quotes removed (e.g. {@code EOF})
 * @param quoted true when any part of the delimiter was quoted: the body is then not expanded by the builder
 * @param stripTabs true for {@code <<-}: leading tabs are stripped from body lines and the terminator
 * @param fileDescriptor the file descriptor prefix ({@code 3<<EOF}), when there is one
 * @param word the opening word as written (e.g. {@code <<-"EOF"})
 * @param body the body lines verbatim, each with its line ending ({@code \n} or {@code \r\n}); tabs not stripped
 * @param range the opening word in the instruction line
 * @param bodyRange the body lines and the terminator line
 */
public record Heredoc(
        String delimiter,
        boolean quoted,
        boolean stripTabs,
        OptionalInt fileDescriptor,
        String word,
        String body,
        SourceRange range,
        SourceRange bodyRange) implements Node {
}
