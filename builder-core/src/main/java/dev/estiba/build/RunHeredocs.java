package dev.estiba.build;

import dev.estiba.grammar.tree.Heredoc;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How BuildKit turns a shell-form RUN with heredocs into the text handed to the shell: a command that is one
 * heredoc word alone runs its body (or, when the body starts with {@code #!}, the body as a script file); any
 * other command gets each heredoc appended as {@code \nbody DELIM} so the shell reads them itself.
 * RUN heredoc bodies are never expanded by the builder.
 */
final class RunHeredocs {
    /** Where a {@code #!} script is bound inside the container (BuildKit's place). */
    static final String SCRIPT_DIR = "/dev/pipes";

    /**
     * The shell's command text, and the script to bind when the command runs one.
     *
     * @param text what follows the shell's {@code -c}
     * @param script the heredoc whose body is a script file at {@code SCRIPT_DIR/name}
     */
    record Shaped(String text, Optional<Script> script) {
    }

    /** A script file: its name (the delimiter) and content. */
    record Script(String name, String content) {
    }

    private RunHeredocs() {
    }

    static Shaped shape(String line, List<Heredoc> heredocs) {
        if (heredocs.isEmpty()) {
            return new Shaped(line, Optional.empty());
        }
        Heredoc first = heredocs.get(0);
        if (heredocs.size() == 1 && line.strip().equals(first.word()) && first.fileDescriptor().isEmpty()) {
            String body = body(first);
            if (body.startsWith("#!")) {
                return new Shaped(SCRIPT_DIR + "/" + first.delimiter(), Optional.of(new Script(first.delimiter(), body)));
            }
            return new Shaped(body, Optional.empty());
        }
        StringBuilder full = new StringBuilder(line);
        for (Heredoc h : heredocs) {
            full.append('\n').append(h.body()).append(h.delimiter());
        }
        return new Shaped(full.toString(), Optional.empty());
    }

    /** The body with {@code \r\n} kept as written, leading tabs stripped for {@code <<-}. */
    private static String body(Heredoc h) {
        if (!h.stripTabs()) {
            return h.body();
        }
        List<String> lines = new ArrayList<>();
        for (String l : h.body().split("(?<=\n)")) {
            lines.add(l.replaceFirst("^\t+", ""));
        }
        return String.join("", lines);
    }
}
