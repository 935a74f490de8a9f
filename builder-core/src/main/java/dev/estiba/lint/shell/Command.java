package dev.estiba.lint.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A simple command: leading assignments, the words (name and arguments) and redirections.
 *
 * @param assignments {@code NAME=value} words before the command name
 * @param words the command name followed by its arguments; empty for an assignment-only command
 * @param redirects redirections in source order
 * @param start offset of the first character of the command
 * @param end offset after the last character
 * @param pipeline index of the pipeline this command belongs to (shared by all commands of one pipeline)
 * @param nested true inside a subshell, group, command substitution or compound command
 */
public record Command(List<Word> assignments, List<Word> words, List<Redirect> redirects,
                      int start, int end, int pipeline, boolean nested) {

    public Command {
        assignments = List.copyOf(assignments);
        words = List.copyOf(words);
        redirects = List.copyOf(redirects);
    }

    /** The command name, or "" for an assignment-only command. */
    public String name() {
        return words.isEmpty() ? "" : words.get(0).value();
    }

    /** The name's last path element: {@code /usr/bin/apt-get} is {@code apt-get}. */
    public String baseName() {
        String n = name();
        return n.substring(n.lastIndexOf('/') + 1);
    }

    /** The arguments after the name. */
    public List<Word> args() {
        return words.isEmpty() ? List.of() : words.subList(1, words.size());
    }

    /** Whether the command is named {@code name} (by base name). */
    public boolean is(String name) {
        return baseName().equals(name);
    }

    /** Whether the argument values include all of {@code values}. */
    public boolean hasArgs(String... values) {
        List<String> present = argValues();
        for (String v : values) {
            if (!present.contains(v)) {
                return false;
            }
        }
        return true;
    }

    /** The argument values in order. */
    public List<String> argValues() {
        List<String> out = new ArrayList<>();
        for (Word w : args()) {
            out.add(w.value());
        }
        return out;
    }

    /**
     * The flags given, split the way getopt reads them: {@code -yq} gives {@code y} and {@code q},
     * {@code --no-cache=x} gives {@code no-cache}. Parsing stops at {@code --}.
     */
    public List<String> flags() {
        List<String> out = new ArrayList<>();
        for (Word w : args()) {
            String v = w.value();
            if (v.equals("--")) {
                break;
            }
            if (v.startsWith("--")) {
                int eq = v.indexOf('=');
                out.add(eq < 0 ? v.substring(2) : v.substring(2, eq));
            } else if (w.isFlag()) {
                for (int i = 1; i < v.length(); i++) {
                    out.add(String.valueOf(v.charAt(i)));
                }
            }
        }
        return out;
    }

    /** Whether any of the flags (names without dashes, as {@link #flags()} gives them) is present. */
    public boolean hasAnyFlag(String... names) {
        List<String> f = flags();
        for (String n : names) {
            if (f.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The arguments that are not flags, leaving out the values of the flags named in {@code valued}
     * (flags that take a value in the next word, such as apt-get's {@code -t release}).
     */
    public List<Word> operands(Set<String> valued) {
        List<Word> out = new ArrayList<>();
        List<Word> args = args();
        boolean endOfFlags = false;
        for (int i = 0; i < args.size(); i++) {
            Word w = args.get(i);
            String v = w.value();
            if (!endOfFlags && v.equals("--")) {
                endOfFlags = true;
            } else if (!endOfFlags && w.isFlag()) {
                String name = v.startsWith("--") ? v.substring(2) : v.substring(v.length() - 1);
                if (!v.contains("=") && valued.contains(name)) {
                    i++;
                }
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /** The value of a flag: {@code --name=value}, {@code --name value} or {@code -n value}; null when absent. */
    public String flagValue(String... names) {
        List<Word> args = args();
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            for (String n : names) {
                String dashed = n.length() == 1 ? "-" + n : "--" + n;
                if (v.equals(dashed) && i + 1 < args.size()) {
                    return args.get(i + 1).value();
                }
                if (v.startsWith(dashed + "=")) {
                    return v.substring(dashed.length() + 1);
                }
            }
        }
        return null;
    }
}
