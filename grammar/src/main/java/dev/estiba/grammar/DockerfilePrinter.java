package dev.estiba.grammar;

import dev.estiba.grammar.tree.Comment;
import dev.estiba.grammar.tree.Directive;
import dev.estiba.grammar.tree.Dockerfile;
import dev.estiba.grammar.tree.Flag;
import dev.estiba.grammar.tree.Heredoc;
import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.OnbuildTrigger;
import java.util.List;

/**
 * Turns a tree back into Dockerfile text that parses to an equal tree (positions aside). Each instruction is
 * printed from its parts (keyword as written, flags as written, argument text), so a changed tree prints its
 * changes. Comments keep their place; comments inside a continued instruction stay inside it where that is safe.
 */
public final class DockerfilePrinter {
    /** Logical lines longer than this are wrapped with continuations (BuildKit refuses 64 KiB lines). */
    private static final int WRAP_AT = 16_000;

    private DockerfilePrinter() {
    }

    /** The Dockerfile text of {@code file}, ending in a newline. */
    public static String print(Dockerfile file) {
        StringBuilder sb = new StringBuilder();
        for (Directive d : file.directives()) {
            sb.append("# ").append(d.name()).append('=').append(d.value()).append('\n');
        }
        List<Comment> comments = file.comments().stream().filter(c -> !c.insideInstruction()).toList();
        List<Instruction> instructions = file.instructions();
        if (!comments.isEmpty() && comments.get(0).range().start().offset()
                < instructions.get(0).range().start().offset()) {
            sb.append('\n'); // a comment here must not be taken for a directive
        }
        int c = 0;
        for (Instruction in : instructions) {
            int at = in.range().start().offset();
            while (c < comments.size() && comments.get(c).range().start().offset() < at) {
                sb.append(comments.get(c++).original()).append('\n');
            }
            instruction(sb, in, file.escape());
        }
        while (c < comments.size()) {
            sb.append(comments.get(c++).original()).append('\n');
        }
        return sb.toString();
    }

    /** One instruction: its logical line (with its inner comments) and its heredoc bodies. */
    static void instruction(StringBuilder sb, Instruction in, char escape) {
        String rest = rest(in);
        String first = rest.isEmpty() ? "" : rest.substring(GoText.skipSpace(rest, 0, rest.length()));
        boolean commentsInside = !in.comments().isEmpty() && !first.isEmpty() && first.charAt(0) != '#';
        if (!commentsInside) {
            for (Comment comment : in.comments()) {
                sb.append(comment.original()).append('\n');
            }
            wrapped(sb, rest.isEmpty() ? in.keywordText() : in.keywordText() + " " + rest, escape);
        } else {
            sb.append(in.keywordText()).append(' ').append(escape).append('\n');
            for (Comment comment : in.comments()) {
                sb.append(comment.original()).append('\n');
            }
            wrapped(sb, first, escape);
        }
        for (Heredoc h : in.heredocs()) {
            sb.append(h.body()).append(h.delimiter()).append('\n');
        }
    }

    /** The text after the keyword: flags as written, a {@code --} where needed, and the arguments. */
    static String rest(Instruction in) {
        StringBuilder sb = new StringBuilder();
        for (Flag f : in.flags()) {
            sb.append(f.original()).append(' ');
        }
        String args = in.arguments() instanceof OnbuildTrigger t ? line(t.trigger()) : in.arguments().text();
        if (args.startsWith("--")) {
            sb.append("-- ");
        }
        sb.append(args);
        return GoText.trimEnd(sb, 0, sb.length()) == sb.length() ? sb.toString()
                : sb.substring(0, GoText.trimEnd(sb, 0, sb.length()));
    }

    /** An instruction's logical line, rebuilt from its parts. */
    static String line(Instruction in) {
        String rest = rest(in);
        return rest.isEmpty() ? in.keywordText() : in.keywordText() + " " + rest;
    }

    /** Appends a logical line, breaking very long ones after blanks with continuation characters. */
    private static void wrapped(StringBuilder sb, String line, char escape) {
        int from = 0;
        while (line.length() - from > WRAP_AT) {
            int cut = breakPoint(line, from + WRAP_AT, escape);
            if (cut < 0) {
                break;
            }
            sb.append(line, from, cut).append(escape).append('\n');
            from = cut;
        }
        sb.append(line, from, line.length()).append('\n');
    }

    /** A place after a blank whose next character starts a safe continuation line, or -1. */
    private static int breakPoint(String line, int from, char escape) {
        for (int i = from; i < line.length() - 1; i++) {
            char before = line.charAt(i - 1);
            char next = line.charAt(i);
            if (before == ' ' && next != ' ' && next != '\t' && next != '#' && next != escape
                    && !GoText.isSpace(next)) {
                return i;
            }
        }
        return -1;
    }
}
