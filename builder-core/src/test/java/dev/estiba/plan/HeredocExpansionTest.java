package dev.estiba.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.estiba.instructions.AddInstruction;
import dev.estiba.instructions.CopyInstruction;
import dev.estiba.instructions.InlineFile;
import dev.estiba.instructions.RunInstruction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** COPY/ADD heredoc bodies expand when the delimiter is unquoted; quotes in the body stay. */
class HeredocExpansionTest {

    static List<InlineFile> inline(Plan p, int step) {
        Object ins = p.targetStage().steps().get(step).expanded().orElseThrow();
        return ins instanceof CopyInstruction c ? c.inlineFiles() : ((AddInstruction) ins).inlineFiles();
    }

    @Test
    void unquotedDelimiterExpandsKeepingQuotes() {
        Plan p = ScopingTest.plan("FROM a\nARG NAME=world\nCOPY <<EOF /greeting\n"
            + "hello $NAME 'single $NAME' \"double\" \\$NAME\nEOF\n");
        assertEquals(List.of(new InlineFile("EOF", "hello world 'single world' \"double\" $NAME\n", true)),
            inline(p, 1));
    }

    @Test
    void quotedDelimiterIsNotExpanded() {
        Plan p = ScopingTest.plan("FROM a\nARG NAME=world\nADD <<'EOF' <<\"B\" /dir/\n$NAME\nEOF\n${NAME}\nB\n");
        assertEquals(List.of(new InlineFile("EOF", "$NAME\n", false), new InlineFile("B", "${NAME}\n", false)),
            inline(p, 1));
        assertEquals("ADD <<EOF <<B /dir/", InstructionView.of(p.targetStage().steps().get(1).expanded().orElseThrow())
            .text());
    }

    @Test
    void dashStripsLeadingTabs() {
        Plan p = ScopingTest.plan("FROM a\nCOPY <<-EOT /f\n\t\thello\n\tworld\n\tEOT\n");
        assertEquals(List.of(new InlineFile("EOT", "hello\nworld\n", true)), inline(p, 0));
    }

    @Test
    void bodiesUseBackslashEvenUnderBacktickEscape() {
        Plan p = ScopingTest.plan("# escape=`\nFROM a\nARG X=1\nCOPY <<EOF /f\n\\$X `$X $X\nEOF\n");
        assertEquals(List.of(new InlineFile("EOF", "$X `1 1\n", true)), inline(p, 1));
    }

    @Test
    void runHeredocsAreLeftToTheShell() {
        Plan p = ScopingTest.plan("FROM a\nARG X=1\nRUN <<EOF\necho $X\nEOF\n");
        RunInstruction run = (RunInstruction) p.targetStage().steps().get(1).expanded().orElseThrow();
        assertEquals("echo $X\n", run.heredocs().get(0).body());
    }

    @Test
    void failingBodyExpansionIsAnErrorAtTheLine() {
        dev.estiba.instructions.InstructionException e = org.junit.jupiter.api.Assertions.assertThrows(
            dev.estiba.instructions.InstructionException.class,
            () -> ScopingTest.plan("FROM a\n\nCOPY <<EOF /f\n${NOPE:?needed}\nEOF\n"));
        assertEquals(3, e.line());
        assertEquals("failed to process \"${NOPE:?needed}\\n\": NOPE: needed", e.detail());
    }
}
