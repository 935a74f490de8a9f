package dev.estiba.lint.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A parsed shell script: every simple command in source order (commands inside subshells, groups,
 * compound commands and command substitutions included) and the pipes between them.
 *
 * @param source the script text
 * @param commands all simple commands, ordered by start offset
 * @param pipes offsets of every {@code |} that joins two commands
 */
public record Script(String source, List<Command> commands, List<Integer> pipes) {

    public Script {
        commands = List.copyOf(commands);
        pipes = List.copyOf(pipes);
    }

    /** Parses a POSIX sh script. */
    public static Script parse(String source) {
        return new ShellParser(source, 0).parse();
    }

    /** The commands named {@code name} (by base name, so {@code /usr/bin/pip} is {@code pip}). */
    public List<Command> named(String name) {
        return filter(c -> c.is(name));
    }

    /** The commands that match. */
    public List<Command> filter(Predicate<Command> p) {
        List<Command> out = new ArrayList<>();
        for (Command c : commands) {
            if (p.test(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Whether any command is named {@code name}. */
    public boolean uses(String name) {
        return !named(name).isEmpty();
    }

    /** 1-based line of an offset. */
    public int line(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** 1-based column of an offset. */
    public int column(int offset) {
        int o = Math.min(offset, source.length());
        int lineStart = o == 0 ? 0 : source.lastIndexOf('\n', o - 1) + 1;
        return o - lineStart + 1;
    }
}
