package dev.estiba.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.estiba.grammar.tree.Dockerfile;
import dev.estiba.grammar.tree.ExecForm;
import dev.estiba.grammar.tree.Instruction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.dfa.DFA;
import org.junit.jupiter.api.Test;

/**
 * Runs the grammar in ANTLR's exact ambiguity detection mode over every logical line and exec-form array of the
 * corpus and of constructed lines: no decision may be ambiguous or need full-context prediction, so the SLL
 * prediction the parser uses is exact and stays linear.
 */
class GrammarAmbiguityTest {
    private final List<String> reports = new ArrayList<>();

    @Test
    void corpusLinesPredictWithoutAmbiguity() throws IOException {
        for (Path f : Corpus.dockerfiles()) {
            check(DockerfileParser.parse(f));
        }
        assertEquals(List.of(), reports);
    }

    @Test
    void constructedLinesPredictWithoutAmbiguity() {
        check(DockerfileParser.parse("x", "FROM a\nRUN --a --b=\"c d\" -- --e\nRUN -\nRUN --\nRUN --x\n"
                + "CMD [ \"a\" , \"b\" ]\nCOPY --x='a\\'b' -y\nHEALTHCHECK\nENV a=b\n"));
        assertEquals(List.of(), reports);
    }

    private void check(Dockerfile d) {
        for (Instruction in : d.instructions()) {
            InstructionParser p = parser(in.line(), false);
            p.instruction();
            if (in.arguments() instanceof ExecForm exec) {
                parser(exec.text(), true).jsonArray();
            }
        }
    }

    private InstructionParser parser(String text, boolean json) {
        InstructionLexer lexer = new InstructionLexer(new Utf16CharStream(text, 0, text.length()));
        if (json) {
            lexer.mode(InstructionLexer.JSON);
        }
        lexer.removeErrorListeners();
        InstructionParser p = new InstructionParser(new CommonTokenStream(lexer));
        p.removeErrorListeners();
        p.getInterpreter().setPredictionMode(PredictionMode.LL_EXACT_AMBIG_DETECTION);
        p.addErrorListener(new BaseErrorListener() {
            @Override
            public void reportAmbiguity(Parser r, DFA dfa, int start, int stop, boolean exact, BitSet alts,
                    ATNConfigSet configs) {
                reports.add("ambiguity in " + text);
            }

            @Override
            public void reportAttemptingFullContext(Parser r, DFA dfa, int start, int stop, BitSet alts,
                    ATNConfigSet configs) {
                reports.add("full-context prediction in " + text);
            }
        });
        return p;
    }
}
