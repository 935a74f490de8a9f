package dev.estiba.grammar;

import dev.estiba.grammar.InstructionParser.AfterEndOfFlagsContext;
import dev.estiba.grammar.InstructionParser.ArgumentsContext;
import dev.estiba.grammar.InstructionParser.FlagContext;
import dev.estiba.grammar.InstructionParser.InstructionContext;
import dev.estiba.grammar.InstructionParser.RestContext;
import dev.estiba.grammar.tree.ArgDeclaration;
import dev.estiba.grammar.tree.ArgList;
import dev.estiba.grammar.tree.Arguments;
import dev.estiba.grammar.tree.ExecForm;
import dev.estiba.grammar.tree.Flag;
import dev.estiba.grammar.tree.HealthcheckArguments;
import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.JsonString;
import dev.estiba.grammar.tree.KeyValue;
import dev.estiba.grammar.tree.KeyValueList;
import dev.estiba.grammar.tree.Keyword;
import dev.estiba.grammar.tree.NoArguments;
import dev.estiba.grammar.tree.OnbuildTrigger;
import dev.estiba.grammar.tree.PlainText;
import dev.estiba.grammar.tree.ShellForm;
import dev.estiba.grammar.tree.SourceRange;
import dev.estiba.grammar.tree.Word;
import dev.estiba.grammar.tree.WordList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Reads one logical line into an {@link Instruction} (without heredoc bodies): the ANTLR instruction rule gives the
 * keyword, flags and rest; BuildKit's per-instruction rule then shapes the rest into {@link Arguments}. One reader
 * is reused for every line of a file, so the lexer and parser are built once.
 */
final class InstructionReader {
    private final String sourceName;
    private final String src;
    private final InstructionLexer lexer = new InstructionLexer(null);
    private final CommonTokenStream tokens = new CommonTokenStream(lexer);
    private final InstructionParser parser = new InstructionParser(tokens);
    private final JsonArrays json = new JsonArrays();

    /** The pieces the ANTLR rule gives, copied out so the parser can be reused (ONBUILD nests). */
    private record Split(Token keyword, List<Token> flags, int restStart, int restEnd) {
    }

    InstructionReader(String sourceName, String src) {
        this.sourceName = sourceName;
        this.src = src;
        lexer.removeErrorListeners();
        parser.removeErrorListeners();
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object symbol, int line, int column, String msg,
                    RecognitionException e) {
                throw new IllegalStateException("instruction grammar rejected a line: " + msg);
            }
        });
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    }

    /** Reads the instruction in {@code ll}'s text at {@code [from, to)}, which is trimmed and not empty. */
    Instruction read(LogicalLine ll, String text, int from, int to, char escape, boolean nested) {
        Split split = split(text, from, to);
        Token kw = split.keyword();
        int kwStart = from + kw.getStartIndex();
        int kwEnd = from + kw.getStopIndex() + 1;
        String keywordText = kw.getText();
        Keyword keyword = Keyword.of(keywordText).orElseThrow(() -> error(ll, kwStart,
                "unknown instruction: " + keywordText + KeywordSuggestion.didYouMean(keywordText)));
        if (nested && keyword == Keyword.ONBUILD) {
            throw error(ll, kwStart, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
        }
        List<Flag> flags = new ArrayList<>(split.flags().size());
        for (Token f : split.flags()) {
            int fs = from + f.getStartIndex();
            int fe = from + f.getStopIndex() + 1;
            flags.add(flag(f.getText(), ll.range(fs, fe)));
        }
        int rs = split.restStart();
        int re = split.restEnd();
        Arguments args = rs == re
                ? new NoArguments(ll.range(rs, rs))
                : arguments(keyword, ll, text, rs, re, escape);
        return new Instruction(keyword, keywordText, ll.range(kwStart, kwEnd), flags, args, List.of(), List.of(),
                text.substring(from, to), text.substring(from, to), ll.range(from, to));
    }

    private Split split(String text, int from, int to) {
        lexer.setInputStream(new Utf16CharStream(text, from, to));
        tokens.setTokenSource(lexer);
        parser.setTokenStream(tokens);
        InstructionContext ctx = parser.instruction();
        List<Token> flags = new ArrayList<>(ctx.flag().size());
        for (FlagContext f : ctx.flag()) {
            flags.add(f.FLAG().getSymbol());
        }
        ArgumentsContext a = ctx.arguments();
        Token rest = null;
        if (a instanceof RestContext r) {
            rest = r.REST().getSymbol();
        } else if (a instanceof AfterEndOfFlagsContext e && e.ARG_REST() != null) {
            rest = e.ARG_REST().getSymbol();
        }
        int rs = rest == null ? to : from + rest.getStartIndex();
        int re = rest == null ? to : GoText.trimEnd(text, rs, to);
        return new Split(ctx.KEYWORD().getSymbol(), flags, rs, re);
    }

    private Arguments arguments(Keyword keyword, LogicalLine ll, String text, int rs, int re, char escape) {
        String rest = text.substring(rs, re);
        SourceRange range = ll.range(rs, re);
        return switch (keyword) {
            case FROM, EXPOSE -> words(ll, text, rs, re);
            case ADD, COPY, VOLUME -> {
                ExecForm exec = execForm(ll, text, rs, re);
                yield exec != null ? exec : words(ll, text, rs, re);
            }
            case RUN, CMD, ENTRYPOINT, SHELL -> {
                ExecForm exec = execForm(ll, text, rs, re);
                yield exec != null ? exec : new ShellForm(rest, range);
            }
            case ENV, LABEL -> keyValues(keyword, ll, text, rs, re, escape);
            case ARG -> argList(ll, text, rs, re, escape);
            case HEALTHCHECK -> healthcheck(ll, text, rs, re);
            case MAINTAINER, STOPSIGNAL, USER, WORKDIR -> new PlainText(rest, range);
            case ONBUILD -> new OnbuildTrigger(read(ll, text, rs, re, escape, true), rest, range);
        };
    }

    private WordList words(LogicalLine ll, String text, int rs, int re) {
        List<Word> words = new ArrayList<>();
        for (int[] w : Words.splitOnBlanks(text, rs, re)) {
            words.add(new Word(text.substring(w[0], w[1]), ll.range(w[0], w[1])));
        }
        return new WordList(words, text.substring(rs, re), ll.range(rs, re));
    }

    /** The exec form when {@code [rs, re)} is a JSON array of strings; null when it is not JSON. */
    private ExecForm execForm(LogicalLine ll, String text, int rs, int re) {
        if (text.charAt(rs) != '[') {
            return null;
        }
        JsonArrays.Result r = json.read(text, rs, re);
        if (r.tooDeep()) {
            throw error(ll, r.badItem(), "JSON array nested deeper than " + JsonArrays.MAX_DEPTH + " levels");
        }
        if (r.badItem() >= 0) {
            throw error(ll, r.badItem(), "when using JSON array syntax, arrays must be comprised of strings only");
        }
        if (r.items() == null) {
            return null;
        }
        List<JsonString> items = new ArrayList<>(r.items().size());
        for (JsonArrays.Item i : r.items()) {
            items.add(new JsonString(i.value(), text.substring(i.start(), i.end()), ll.range(i.start(), i.end())));
        }
        return new ExecForm(items, text.substring(rs, re), ll.range(rs, re));
    }

    private Arguments keyValues(Keyword keyword, LogicalLine ll, String text, int rs, int re, char escape) {
        List<int[]> words = Words.splitQuoted(text, rs, re, escape);
        String rest = text.substring(rs, re);
        if (words.isEmpty()) {
            return new NoArguments(ll.range(rs, rs));
        }
        int[] first = words.get(0);
        if (text.indexOf('=', first[0]) < 0 || text.indexOf('=', first[0]) >= first[1]) {
            int keyEnd = rs;
            while (keyEnd < re && !GoText.isBlank(text.charAt(keyEnd))) {
                keyEnd++;
            }
            int valueStart = keyEnd;
            while (valueStart < re && GoText.isBlank(text.charAt(valueStart))) {
                valueStart++;
            }
            if (keyEnd == re) {
                throw error(ll, rs, keyword + " must have two arguments");
            }
            KeyValue kv = new KeyValue(text.substring(rs, keyEnd), text.substring(valueStart, re), rest,
                    ll.range(rs, re));
            return new KeyValueList(true, List.of(kv), rest, ll.range(rs, re));
        }
        List<KeyValue> pairs = new ArrayList<>(words.size());
        for (int[] w : words) {
            String word = text.substring(w[0], w[1]);
            int eq = word.indexOf('=');
            if (eq < 0) {
                throw error(ll, w[0], "Syntax error - can't find = in " + GoText.quote(word)
                        + ". Must be of the form: name=value");
            }
            pairs.add(new KeyValue(word.substring(0, eq), word.substring(eq + 1), word, ll.range(w[0], w[1])));
        }
        return new KeyValueList(false, pairs, rest, ll.range(rs, re));
    }

    private Arguments argList(LogicalLine ll, String text, int rs, int re, char escape) {
        List<int[]> words = Words.splitQuoted(text, rs, re, escape);
        if (words.isEmpty()) {
            return new NoArguments(ll.range(rs, rs));
        }
        List<ArgDeclaration> decls = new ArrayList<>(words.size());
        for (int[] w : words) {
            String word = text.substring(w[0], w[1]);
            int eq = word.indexOf('=');
            decls.add(new ArgDeclaration(eq < 0 ? word : word.substring(0, eq),
                    eq < 0 ? Optional.empty() : Optional.of(word.substring(eq + 1)), word, ll.range(w[0], w[1])));
        }
        return new ArgList(decls, text.substring(rs, re), ll.range(rs, re));
    }

    private Arguments healthcheck(LogicalLine ll, String text, int rs, int re) {
        int sep = rs;
        while (sep < re && !GoText.isSpace(text.charAt(sep))) {
            sep++;
        }
        int next = GoText.skipSpace(text, sep, re);
        Word type = new Word(text.substring(rs, sep), ll.range(rs, sep));
        Arguments command;
        if (next == re) {
            command = new NoArguments(ll.range(re, re));
        } else {
            ExecForm exec = execForm(ll, text, next, re);
            command = exec != null ? exec : new ShellForm(text.substring(next, re), ll.range(next, re));
        }
        return new HealthcheckArguments(type, command, text.substring(rs, re), ll.range(rs, re));
    }

    /** A flag word as BuildKit reads it: quotes removed, a backslash keeps the next character. */
    private static Flag flag(String original, SourceRange range) {
        StringBuilder sb = new StringBuilder(original.length());
        char quote = 0;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
                continue;
            }
            if (quote != 0 && c == quote) {
                quote = 0;
                continue;
            }
            if (c == '\\') {
                if (i + 1 == original.length()) {
                    continue;
                }
                c = original.charAt(++i);
            }
            sb.append(c);
        }
        String text = sb.toString();
        int eq = text.indexOf('=');
        String name = eq < 0 ? text.substring(2) : text.substring(2, eq);
        Optional<String> value = eq < 0 ? Optional.empty() : Optional.of(text.substring(eq + 1));
        return new Flag(name, value, text, original, range);
    }

    private DockerfileParseException error(LogicalLine ll, int index, String message) {
        var p = ll.at(index);
        return new DockerfileParseException(sourceName, p.line(), p.column(), message,
                SourceLines.lineAt(src, p.offset()));
    }
}
