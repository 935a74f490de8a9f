package dev.estiba.grammar;

import dev.estiba.grammar.tree.ArgList;
import dev.estiba.grammar.tree.Arguments;
import dev.estiba.grammar.tree.Dockerfile;
import dev.estiba.grammar.tree.ExecForm;
import dev.estiba.grammar.tree.Flag;
import dev.estiba.grammar.tree.HealthcheckArguments;
import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.JsonString;
import dev.estiba.grammar.tree.KeyValue;
import dev.estiba.grammar.tree.KeyValueList;
import dev.estiba.grammar.tree.OnbuildTrigger;
import dev.estiba.grammar.tree.PlainText;
import dev.estiba.grammar.tree.ShellForm;
import dev.estiba.grammar.tree.Word;
import dev.estiba.grammar.tree.WordList;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * BuildKit's parser dump of a tree: one {@code (keyword ["--flags"] "args"...)} line per instruction, Go-quoted, so
 * our parser can be compared with BuildKit's on any file (see docs/parse.md).
 */
public final class BuildkitDump {
    private BuildkitDump() {
    }

    /** The dump of the whole file: one line per instruction, each ending in a newline. */
    public static String dump(Dockerfile file) {
        StringBuilder sb = new StringBuilder();
        for (Instruction in : file.instructions()) {
            sb.append('(');
            node(sb, in);
            sb.append(")\n");
        }
        return sb.toString();
    }

    /** The dump of one instruction, without the outer parentheses. */
    public static String dump(Instruction in) {
        StringBuilder sb = new StringBuilder();
        node(sb, in);
        return sb.toString();
    }

    private static void node(StringBuilder sb, Instruction in) {
        sb.append(in.keywordText().toLowerCase(Locale.ROOT));
        if (!in.flags().isEmpty()) {
            sb.append(" [");
            for (int i = 0; i < in.flags().size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                GoText.appendQuoted(sb, asBuildkitFlag(in.flags().get(i)));
            }
            sb.append(']');
        }
        arguments(sb, in.arguments());
    }

    private static void arguments(StringBuilder sb, Arguments args) {
        if (args instanceof ExecForm exec) {
            for (JsonString s : exec.items()) {
                arg(sb, s.value());
            }
        } else if (args instanceof ShellForm shell) {
            arg(sb, shell.text());
        } else if (args instanceof PlainText text) {
            arg(sb, text.text());
        } else if (args instanceof WordList words) {
            for (Word w : words.words()) {
                arg(sb, w.text());
            }
        } else if (args instanceof KeyValueList kvs) {
            for (KeyValue kv : kvs.pairs()) {
                arg(sb, kv.key());
                arg(sb, kv.value());
                arg(sb, kvs.legacy() ? "" : "=");
            }
        } else if (args instanceof ArgList decls) {
            decls.declarations().forEach(d -> arg(sb, d.text()));
        } else if (args instanceof HealthcheckArguments hc) {
            arg(sb, hc.type().text());
            arguments(sb, hc.command());
        } else if (args instanceof OnbuildTrigger onbuild) {
            sb.append(" (");
            node(sb, onbuild.trigger());
            sb.append(')');
        }
        // NoArguments: nothing.
    }

    private static void arg(StringBuilder sb, String value) {
        sb.append(' ');
        GoText.appendQuoted(sb, value);
    }

    /**
     * BuildKit's flag scanner walks bytes and appends each as a rune, so a flag's non-ASCII UTF-8 is re-read as
     * Latin-1 (é becomes Ã©). The dump shows what BuildKit shows.
     */
    private static String asBuildkitFlag(Flag flag) {
        String text = flag.text();
        boolean ascii = true;
        for (int i = 0; i < text.length() && ascii; i++) {
            ascii = text.charAt(i) < 0x80;
        }
        if (ascii) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0xDC80 && c <= 0xDCFF) {
                sb.append((char) (c - 0xDC00)); // an invalid byte, kept as itself
                continue;
            }
            int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
            for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                sb.append((char) (b & 0xFF));
            }
            i = end - 1;
        }
        return sb.toString();
    }
}
