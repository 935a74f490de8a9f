package dev.estiba.grammar;

import dev.estiba.grammar.InstructionParser.JsonArrayContext;
import dev.estiba.grammar.InstructionParser.JsonStringContext;
import dev.estiba.grammar.InstructionParser.JsonValueContext;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Reads exec-form JSON arrays with the grammar's JSON mode and {@code jsonArray} rule, with Go's
 * {@code encoding/json} rules: only a valid array of strings is exec form.
 */
final class JsonArrays {
    /** Deeper nesting is refused rather than risk the recursive-descent parser's stack. */
    static final int MAX_DEPTH = 1000;

    /** A decoded string item; {@code start}/{@code end} index the logical line. */
    record Item(String value, int start, int end) {
    }

    /** The outcome: {@code items} when exec form; {@code badItem >= 0} (a logical index) for a non-string item. */
    record Result(List<Item> items, int badItem, boolean tooDeep) {
        static final Result NOT_JSON = new Result(null, -1, false);
    }

    private final InstructionLexer lexer = new InstructionLexer(null);
    private final CommonTokenStream tokens = new CommonTokenStream(lexer);
    private final InstructionParser parser = new InstructionParser(tokens);

    JsonArrays() {
        lexer.removeErrorListeners();
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setBuildParseTree(true);
    }

    /** Reads {@code text[from, to)}, which starts with {@code [} and is trimmed. */
    Result read(String text, int from, int to) {
        lexer.setInputStream(new Utf16CharStream(text, from, to));
        lexer.mode(InstructionLexer.JSON);
        tokens.setTokenSource(lexer);
        tokens.fill();
        int depth = 0;
        for (Token t : tokens.getTokens()) {
            int type = t.getType();
            if (type == InstructionLexer.J_OPEN || type == InstructionLexer.J_OBJECT_OPEN) {
                if (++depth > MAX_DEPTH) {
                    return new Result(null, from + t.getStartIndex(), true);
                }
            } else if (type == InstructionLexer.J_CLOSE || type == InstructionLexer.J_OBJECT_CLOSE) {
                depth--;
            }
        }
        parser.setTokenStream(tokens);
        JsonArrayContext array;
        try {
            array = parser.jsonArray();
        } catch (ParseCancellationException invalid) {
            return Result.NOT_JSON;
        }
        List<Item> items = new ArrayList<>();
        for (JsonValueContext v : array.jsonValue()) {
            if (!(v instanceof JsonStringContext s)) {
                return new Result(null, from + v.getStart().getStartIndex(), false);
            }
            Token t = s.J_STRING().getSymbol();
            items.add(new Item(decode(t.getText()), from + t.getStartIndex(), from + t.getStopIndex() + 1));
        }
        return new Result(items, -1, false);
    }

    /** Decodes a JSON string literal (quotes included) as Go does, bad surrogates becoming U+FFFD. */
    static String decode(String literal) {
        int n = literal.length() - 1;
        StringBuilder sb = new StringBuilder(n);
        for (int i = 1; i < n; i++) {
            char c = literal.charAt(i);
            if (c != '\\') {
                sb.append(Character.isSurrogate(c) ? pairedOrReplaced(literal, i, n, sb) : c);
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(literal.charAt(i + 1))) {
                    i++;
                }
                continue;
            }
            char e = literal.charAt(++i);
            switch (e) {
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    char u = (char) Integer.parseInt(literal, i + 1, i + 5, 16);
                    i += 4;
                    if (Character.isHighSurrogate(u) && i + 6 < n && literal.startsWith("\\u", i + 1)) {
                        char low = (char) Integer.parseInt(literal, i + 3, i + 7, 16);
                        if (Character.isLowSurrogate(low)) {
                            sb.append(u).append(low);
                            i += 6;
                            continue;
                        }
                    }
                    sb.append(Character.isSurrogate(u) ? '\uFFFD' : u);
                }
                default -> sb.append(e); // " \ /
            }
        }
        return sb.toString();
    }

    private static char pairedOrReplaced(String s, int i, int n, StringBuilder sb) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
            sb.append(c);
            return s.charAt(i + 1);
        }
        return '\uFFFD';
    }
}
