package dev.estiba.plan;

import dev.estiba.grammar.tree.Comment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comment block directly above a line (no blank line between), as {@code --call=targets}
 * and {@code --call=outline} show it: lines joined by a space, a leading {@code name } dropped.
 */
final class Descriptions {
    private final List<Comment> comments;

    Descriptions(List<Comment> comments) {
        this.comments = comments.stream().filter(c -> !c.insideInstruction()).toList();
    }

    String above(int line, String name) {
        List<String> block = new ArrayList<>();
        int want = line - 1;
        for (int i = comments.size() - 1; i >= 0; i--) {
            Comment c = comments.get(i);
            if (c.range().startLine() > want) {
                continue;
            }
            if (c.range().startLine() != want) {
                break;
            }
            block.add(0, c.text());
            want--;
        }
        String text = String.join(" ", block).trim();
        if (name != null && text.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + " ")) {
            text = text.substring(name.length() + 1).trim();
        }
        return text;
    }
}
