package dev.estiba.plan;

import dev.estiba.expand.Expansion;
import dev.estiba.expand.ShellLexer;
import dev.estiba.instructions.Expander;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Expands one step's words against a fixed environment and remembers which names they used. */
final class ScopeExpander implements Expander {
    /** BuildKit expands heredoc bodies with a fresh lexer: backslash escape, quotes not processed. */
    private static final ShellLexer RAW = ShellLexer.withEscape('\\').skipProcessQuotes(true);

    private final ShellLexer lexer;
    private final Map<String, String> env;
    private final Set<String> referenced = new LinkedHashSet<>();
    private final Set<String> unset = new LinkedHashSet<>();

    ScopeExpander(ShellLexer lexer, Map<String, String> env) {
        this.lexer = lexer;
        this.env = env;
    }

    @Override
    public String word(String text) {
        return record(lexer.expand(text, env)).value();
    }

    @Override
    public List<String> words(String text) {
        return record(lexer.expand(text, env)).words();
    }

    @Override
    public String raw(String text) {
        return record(RAW.expand(text, env)).value();
    }

    private Expansion record(Expansion e) {
        referenced.addAll(e.referenced());
        unset.addAll(e.unset());
        return e;
    }

    Set<String> referenced() {
        return referenced;
    }

    Set<String> unset() {
        return unset;
    }
}
