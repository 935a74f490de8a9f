package dev.estiba.grammar;

import dev.estiba.grammar.tree.ArgList;
import dev.estiba.grammar.tree.Arguments;
import dev.estiba.grammar.tree.Comment;
import dev.estiba.grammar.tree.Directive;
import dev.estiba.grammar.tree.Dockerfile;
import dev.estiba.grammar.tree.ExecForm;
import dev.estiba.grammar.tree.Flag;
import dev.estiba.grammar.tree.HealthcheckArguments;
import dev.estiba.grammar.tree.Heredoc;
import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.JsonString;
import dev.estiba.grammar.tree.KeyValue;
import dev.estiba.grammar.tree.KeyValueList;
import dev.estiba.grammar.tree.OnbuildTrigger;
import dev.estiba.grammar.tree.PlainText;
import dev.estiba.grammar.tree.ShellForm;
import dev.estiba.grammar.tree.SourceRange;
import dev.estiba.grammar.tree.Word;
import dev.estiba.grammar.tree.WordList;

/**
 * A readable outline of a tree for people: one line per node, indented, with the source range at the end of each
 * line. Strings are Go-quoted so that blanks and control characters show.
 */
public final class TreeOutline {
    private TreeOutline() {
    }

    /** The outline of {@code file}, ending in a newline. */
    public static String of(Dockerfile file) {
        StringBuilder sb = new StringBuilder();
        sb.append(file.sourceName()).append("  escape=").append(file.escape())
                .append("  instructions=").append(file.instructions().size()).append("  ")
                .append(at(file.range())).append('\n');
        for (Directive d : file.directives()) {
            line(sb, 1, "directive " + d.name() + "=" + d.value(), d.range());
        }
        int c = 0;
        for (Instruction in : file.instructions()) {
            while (c < file.comments().size()
                    && file.comments().get(c).range().start().offset() < in.range().start().offset()) {
                comment(sb, 1, file.comments().get(c++));
            }
            instruction(sb, 1, in);
            while (c < file.comments().size() && file.comments().get(c).insideInstruction()) {
                c++; // shown under the instruction
            }
        }
        while (c < file.comments().size()) {
            comment(sb, 1, file.comments().get(c++));
        }
        if (!file.emptyContinuationLines().isEmpty()) {
            sb.append("  empty continuation lines:");
            file.emptyContinuationLines().forEach(p -> sb.append(' ').append(p.line()));
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void instruction(StringBuilder sb, int depth, Instruction in) {
        line(sb, depth, in.keyword() + (in.keywordText().equals(in.keyword().name()) ? ""
                : " (" + in.keywordText() + ")"), in.range());
        for (Flag f : in.flags()) {
            line(sb, depth + 1, "flag " + f.name() + f.value().map(v -> " = " + GoText.quote(v)).orElse(""),
                    f.range());
        }
        arguments(sb, depth + 1, in.arguments());
        for (Comment comment : in.comments()) {
            comment(sb, depth + 1, comment);
        }
        for (Heredoc h : in.heredocs()) {
            long lines = h.body().chars().filter(ch -> ch == '\n').count();
            line(sb, depth + 1, "heredoc " + h.word() + "  delimiter=" + GoText.quote(h.delimiter())
                    + (h.quoted() ? " quoted" : "") + (h.stripTabs() ? " strip-tabs" : "")
                    + (h.fileDescriptor().isPresent() ? " fd=" + h.fileDescriptor().getAsInt() : "")
                    + "  body: " + lines + (lines == 1 ? " line" : " lines"), h.range());
        }
    }

    private static void arguments(StringBuilder sb, int depth, Arguments args) {
        if (args instanceof ExecForm exec) {
            StringBuilder items = new StringBuilder("exec [");
            for (JsonString s : exec.items()) {
                items.append(items.length() > 6 ? ", " : "").append(GoText.quote(s.value()));
            }
            line(sb, depth, items.append(']').toString(), exec.range());
        } else if (args instanceof ShellForm shell) {
            line(sb, depth, "shell " + GoText.quote(shell.text()), shell.range());
        } else if (args instanceof PlainText text) {
            line(sb, depth, "text " + GoText.quote(text.text()), text.range());
        } else if (args instanceof WordList words) {
            StringBuilder w = new StringBuilder("words");
            for (Word word : words.words()) {
                w.append(' ').append(GoText.quote(word.text()));
            }
            line(sb, depth, w.toString(), words.range());
        } else if (args instanceof KeyValueList kvs) {
            for (KeyValue kv : kvs.pairs()) {
                line(sb, depth, (kvs.legacy() ? "pair (legacy) " : "pair ") + GoText.quote(kv.key()) + " = "
                        + GoText.quote(kv.value()), kv.range());
            }
        } else if (args instanceof ArgList decls) {
            decls.declarations().forEach(d -> line(sb, depth, "arg " + GoText.quote(d.name())
                    + d.defaultValue().map(v -> " = " + GoText.quote(v)).orElse(""), d.range()));
        } else if (args instanceof HealthcheckArguments hc) {
            line(sb, depth, "type " + hc.type().text(), hc.type().range());
            arguments(sb, depth, hc.command());
        } else if (args instanceof OnbuildTrigger onbuild) {
            instruction(sb, depth, onbuild.trigger());
        }
        // NoArguments: nothing to show.
    }

    private static void comment(StringBuilder sb, int depth, Comment c) {
        line(sb, depth, "comment " + GoText.quote(c.text()), c.range());
    }

    private static void line(StringBuilder sb, int depth, String text, SourceRange range) {
        sb.append("  ".repeat(depth)).append(text).append("  ").append(at(range)).append('\n');
    }

    private static String at(SourceRange r) {
        return "@" + r.start() + "-" + r.end();
    }
}
