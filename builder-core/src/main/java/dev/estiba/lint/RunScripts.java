package dev.estiba.lint;

import dev.estiba.grammar.tree.ExecForm;
import dev.estiba.grammar.tree.Heredoc;
import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.JsonString;
import dev.estiba.grammar.tree.ShellForm;
import dev.estiba.lint.shell.Command;
import dev.estiba.lint.shell.Script;
import dev.estiba.lint.shell.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the shell script of a RUN out of the Dockerfile text, keeping every character at its offset:
 * continuations, comment lines and empty lines inside the instruction become spaces, so the shell
 * parser sees what the shell will run and positions map one to one.
 */
final class RunScripts {
    private RunScripts() {
    }

    /** The script source of a RUN (or null for exec form), and the offset it starts at. */
    record Slice(String text, int base) {
    }

    static Slice slice(Instruction run, String text, char escape) {
        if (!(run.arguments() instanceof ShellForm shell)) {
            return null;
        }
        int start = shell.range().start().offset();
        int end = shell.range().end().offset();
        List<Heredoc> docs = run.heredocs();
        if (!docs.isEmpty()) {
            Heredoc only = docs.get(0);
            String rest = shell.text().strip();
            if (docs.size() == 1 && rest.equals(only.word())) {
                // RUN <<EOF: the body is the script, unless its #! names another interpreter
                if (!posixShebang(only.body())) {
                    return null;
                }
                int bodyStart = only.bodyRange().start().offset();
                return new Slice(only.body(), bodyStart);
            }
            end = docs.get(docs.size() - 1).bodyRange().end().offset();
        }
        char[] chars = text.substring(start, Math.min(end, text.length())).toCharArray();
        blankContinuations(chars, escape, !docs.isEmpty());
        return new Slice(new String(chars), start);
    }

    /** True when the body has no {@code #!} line, or one naming a POSIX shell. */
    static boolean posixShebang(String body) {
        if (!body.startsWith("#!")) {
            return true;
        }
        String first = body.lines().findFirst().orElse("").substring(2).strip();
        String[] words = first.split("\\s+");
        String exe = words[0].substring(words[0].lastIndexOf('/') + 1);
        if (exe.equals("env") && words.length > 1) {
            exe = words[1];
        }
        return java.util.Set.of("sh", "bash", "dash", "ash", "ksh", "zsh", "busybox").contains(exe);
    }

    /**
     * Turns escape+newline, and the comment and blank lines after one, into spaces. With heredocs
     * only the instruction line is touched: the bodies after its end are left as written.
     */
    private static void blankContinuations(char[] c, char escape, boolean heredocs) {
        int i = 0;
        while (i < c.length) {
            if (c[i] == escape && i + 1 < c.length && c[i + 1] == escape) {
                i += 2;
            } else if (c[i] == escape && i + 1 < c.length && (c[i + 1] == '\n' || c[i + 1] == '\r')) {
                c[i++] = ' ';
                if (c[i] == '\r') {
                    c[i++] = ' ';
                }
                if (i < c.length) {
                    c[i++] = ' ';
                }
                i = blankDroppedLines(c, i);
            } else if (c[i] == '\n' && heredocs) {
                return;
            } else {
                i++;
            }
        }
    }

    /** Blanks the comment and empty lines from {@code i} on; returns the offset of the next real line. */
    private static int blankDroppedLines(char[] c, int i) {
        while (i < c.length) {
            int eol = i;
            while (eol < c.length && c[eol] != '\n') {
                eol++;
            }
            String line = new String(c, i, eol - i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                return i;
            }
            int stop = Math.min(eol + 1, c.length);
            for (int k = i; k < stop; k++) {
                c[k] = ' ';
            }
            i = stop;
        }
        return i;
    }

    /** An exec-form RUN as one command whose words sit at the JSON strings. */
    static RunScript exec(ExecForm exec, LineIndex lines) {
        List<Word> words = new ArrayList<>();
        int base = exec.range().start().offset();
        for (JsonString s : exec.items()) {
            int o = s.range().start().offset() - base;
            words.add(new Word(s.raw(), s.value(), o, s.range().end().offset() - base, true));
        }
        if (words.isEmpty()) {
            return null;
        }
        Command c = new Command(List.of(), words, List.of(), 0, exec.range().end().offset() - base, 0, false);
        return new RunScript(new Script(exec.text(), List.of(c), List.of()), base, lines);
    }
}
