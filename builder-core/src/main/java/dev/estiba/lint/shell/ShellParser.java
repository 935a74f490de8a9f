package dev.estiba.lint.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Reads tokens into simple commands. Lists, and-or chains and pipelines are followed for the pipe
 * and pipeline bookkeeping; compound commands (if, while, until, for, case, groups, subshells,
 * function definitions) are entered and their inner commands marked nested: a lint rule asks what
 * runs, not how the control flow goes.
 */
final class ShellParser {
    private static final Set<String> OPENERS = Set.of("if", "while", "until", "{");
    private static final Set<String> CLOSERS = Set.of("fi", "done", "}", "esac");
    private static final Set<String> SEPARATING_WORDS = Set.of("then", "else", "elif", "do", "!");

    private final String src;
    private final int from;
    private final int to;
    private List<Token> tokens;
    private int i;
    private int depth;
    private int pipeline;
    private final List<Command> commands = new ArrayList<>();
    private final List<Integer> pipes = new ArrayList<>();

    ShellParser(String src, int from, int to) {
        this.src = src;
        this.from = from;
        this.to = to;
    }

    ShellParser(String src, int from) {
        this(src, from, src.length());
    }

    Script parse() {
        ShellLexer lexer = new ShellLexer(src, from, to);
        tokens = lexer.tokens();
        while (i < tokens.size()) {
            step();
        }
        for (Script sub : lexer.substitutions()) {
            for (Command c : sub.commands()) {
                commands.add(new Command(c.assignments(), c.words(), c.redirects(), c.start(), c.end(),
                    -1 - c.pipeline(), true));
            }
            pipes.addAll(sub.pipes());
        }
        commands.sort((a, b) -> Integer.compare(a.start(), b.start()));
        pipes.sort(Comparator.naturalOrder());
        return new Script(src, commands, pipes);
    }

    private void step() {
        Token t = tokens.get(i);
        switch (t.kind()) {
            case NEWLINE -> {
                i++;
                pipeline++;
            }
            case OPERATOR -> {
                i++;
                switch (t.text()) {
                    case "|", "|&" -> pipes.add(t.start());
                    case "(" -> {
                        depth++;
                        pipeline++;
                    }
                    case ")" -> {
                        depth = Math.max(0, depth - 1);
                        pipeline++;
                        while (i < tokens.size() && tokens.get(i).kind() == Token.Kind.REDIRECT) {
                            i++;
                        }
                    }
                    default -> pipeline++;
                }
            }
            case WORD, REDIRECT -> commandOrKeyword(t);
        }
    }

    private void commandOrKeyword(Token t) {
        String w = t.kind() == Token.Kind.WORD && t.word().literal() && t.word().raw().equals(t.word().value())
            ? t.word().value() : "";
        if (OPENERS.contains(w)) {
            depth++;
            i++;
        } else if (CLOSERS.contains(w)) {
            depth = Math.max(0, depth - 1);
            i++;
            while (i < tokens.size() && tokens.get(i).kind() == Token.Kind.REDIRECT) {
                i++; // redirections of the compound command: done < file
            }
        } else if (SEPARATING_WORDS.contains(w)) {
            i++;
        } else if (w.equals("for") || w.equals("select")) {
            depth++;
            skipUntilSeparator();
        } else if (w.equals("case")) {
            depth++;
            caseClauses();
        } else {
            simpleCommand();
        }
    }

    /** Skips {@code for NAME in words} up to the {@code ;} or newline before {@code do}. */
    private void skipUntilSeparator() {
        while (i < tokens.size() && tokens.get(i).kind() != Token.Kind.NEWLINE && !tokens.get(i).is(";")) {
            i++;
        }
    }

    /** Reads {@code case WORD in} and each {@code pattern)} head; the clause bodies are read as commands. */
    private void caseClauses() {
        i += 3; // case WORD in
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.NEWLINE || t.is(";;") || t.is("(")) {
                i++;
            } else if (t.kind() == Token.Kind.WORD && t.word().value().equals("esac")) {
                depth = Math.max(0, depth - 1);
                i++;
                return;
            } else {
                // a pattern list up to ')', then the clause body up to ';;' or 'esac'
                while (i < tokens.size() && !tokens.get(i).is(")")) {
                    i++;
                }
                i++;
                while (i < tokens.size() && !tokens.get(i).is(";;") && !isEsac(tokens.get(i))) {
                    step();
                }
            }
        }
    }

    private static boolean isEsac(Token t) {
        return t.kind() == Token.Kind.WORD && t.word().value().equals("esac") && t.word().literal();
    }

    private void simpleCommand() {
        List<Word> assignments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        int start = tokens.get(i).start();
        int endOffset = start;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.WORD) {
                if (words.isEmpty() && isAssignment(t.word())) {
                    assignments.add(t.word());
                } else {
                    words.add(t.word());
                }
                endOffset = t.word().end();
            } else if (t.kind() == Token.Kind.REDIRECT) {
                String body = t.heredoc() == null ? null : t.heredoc().toString();
                redirects.add(new Redirect(t.text(), t.word(), body, t.start()));
                endOffset = t.word().end();
            } else {
                break;
            }
            i++;
        }
        if (words.size() == 1 && i + 1 < tokens.size() && tokens.get(i).is("(") && tokens.get(i + 1).is(")")) {
            i += 2; // a function definition: name() body
            return;
        }
        commands.add(new Command(assignments, words, redirects, start, endOffset, pipeline, depth > 0));
    }

    private static boolean isAssignment(Word w) {
        int eq = w.raw().indexOf('=');
        return eq > 0 && isAssignmentTarget(w.raw().substring(0, eq));
    }

    /**
     * {@code [A-Za-z_][A-Za-z0-9_]*(\[[^]]*])?\+?}: a name, an optional subscript and an optional {@code +}, read
     * without a regular expression (this runs for each word of each command).
     */
    static boolean isAssignmentTarget(String s) {
        int end = s.length();
        if (end > 0 && s.charAt(end - 1) == '+') {
            end--;
        }
        if (end > 0 && s.charAt(end - 1) == ']') {
            int open = s.indexOf('[');
            if (open < 0 || open >= end - 1 || s.substring(open + 1, end - 1).indexOf(']') >= 0) {
                return false;
            }
            end = open;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
            if (!letter && (i == 0 || c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }
}
