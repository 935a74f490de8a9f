package dev.estiba.instructions;

/**
 * A COPY or ADD source written as a heredoc ({@code COPY <<EOF /dst}): a file named after the
 * delimiter, with the body as content.
 *
 * @param name the file name (the delimiter, quotes removed)
 * @param content the body; for {@code <<-} with leading tabs stripped from each line
 * @param expand true when the delimiter was not quoted: the builder then expands {@code $VAR} in the
 *     body (quotes in the body stay as they are)
 */
public record InlineFile(String name, String content, boolean expand) {

    static InlineFile of(dev.estiba.grammar.tree.Heredoc h) {
        String body = h.body();
        if (h.stripTabs()) {
            StringBuilder b = new StringBuilder(body.length());
            for (String line : body.split("(?<=\n)", -1)) {
                int i = 0;
                while (i < line.length() && line.charAt(i) == '\t') {
                    i++;
                }
                b.append(line, i, line.length());
            }
            body = b.toString();
        }
        return new InlineFile(h.delimiter(), body, !h.quoted());
    }
}
