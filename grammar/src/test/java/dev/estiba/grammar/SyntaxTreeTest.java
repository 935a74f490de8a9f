package dev.estiba.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.grammar.tree.ArgList;
import dev.estiba.grammar.tree.Dockerfile;
import dev.estiba.grammar.tree.ExecForm;
import dev.estiba.grammar.tree.Flag;
import dev.estiba.grammar.tree.HealthcheckArguments;
import dev.estiba.grammar.tree.Heredoc;
import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.KeyValueList;
import dev.estiba.grammar.tree.Keyword;
import dev.estiba.grammar.tree.NoArguments;
import dev.estiba.grammar.tree.OnbuildTrigger;
import dev.estiba.grammar.tree.ShellForm;
import dev.estiba.grammar.tree.SourceRange;
import dev.estiba.grammar.tree.WordList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The tree's shape and positions: line:column, 1-based, end exclusive. */
class SyntaxTreeTest {

    private static Dockerfile parse(String text) {
        return DockerfileParser.parse("Dockerfile", text);
    }

    private static String at(SourceRange r) {
        return r.start() + "-" + r.end();
    }

    @Test
    void directivesCommentsAndEscape() {
        Dockerfile f = parse("# syntax=docker/dockerfile:1\n#  ESCAPE = `\n# about\nFROM a\n");
        assertEquals(List.of("syntax", "escape"), f.directives().stream().map(d -> d.name()).toList());
        assertEquals("docker/dockerfile:1", f.directive("syntax").orElseThrow().value());
        assertEquals("`", f.directive("escape").orElseThrow().value());
        assertEquals("2:1-2:14", at(f.directives().get(1).range()));
        assertEquals('`', f.escape());
        assertEquals("about", f.comments().get(0).text());
        assertFalse(f.comments().get(0).insideInstruction());
        assertEquals("4:1-4:7", at(f.range()));
    }

    @Test
    void keywordFlagsAndArgumentsPositions() {
        Instruction in = parse("FROM a\n  Copy --from=build --chown=\"a b\" src /dst/\n").instructions().get(1);
        assertEquals(Keyword.COPY, in.keyword());
        assertEquals("Copy", in.keywordText());
        assertEquals("2:3-2:7", at(in.keywordRange()));
        Flag from = in.flags().get(0);
        assertEquals("from", from.name());
        assertEquals(Optional.of("build"), from.value());
        assertEquals("--from=build", from.text());
        assertEquals("2:8-2:20", at(from.range()));
        Flag chown = in.flag("chown").orElseThrow();
        assertEquals(Optional.of("a b"), chown.value());
        assertEquals("--chown=\"a b\"", chown.original());
        WordList args = assertInstanceOf(WordList.class, in.arguments());
        assertEquals(List.of("src", "/dst/"), args.values());
        assertEquals("2:39-2:44", at(args.words().get(1).range()));
        assertEquals("2:3-2:44", at(in.range()));
    }

    @Test
    void continuationsMapBackToPhysicalLines() {
        Dockerfile f = parse("RUN apt-get update \\\n    # a comment\n\n    && apt-get install -y \\\n      curl\nUSER me\n");
        Instruction run = f.instructions().get(0);
        ShellForm shell = assertInstanceOf(ShellForm.class, run.arguments());
        assertEquals("apt-get update     && apt-get install -y       curl", shell.text());
        assertEquals("1:5-5:11", at(shell.range()));
        assertEquals("1:1-5:11", at(run.range()));
        assertEquals("a comment", run.comments().get(0).text());
        assertTrue(run.comments().get(0).insideInstruction());
        assertEquals("2:5-2:16", at(run.comments().get(0).range()));
        assertEquals(3, f.emptyContinuationLines().get(0).line());
        assertEquals("RUN apt-get update \\\n    # a comment\n\n    && apt-get install -y \\\n      curl",
                run.original());
        assertEquals("RUN apt-get update     && apt-get install -y       curl", run.line());
        assertEquals(6, f.instructions().get(1).range().startLine());
    }

    @Test
    void execFormItemsDecodedWithPositions() {
        Instruction in = parse("CMD [ \"a\\tb\" , \"\\u00e9\" ]\n").instructions().get(0);
        ExecForm exec = assertInstanceOf(ExecForm.class, in.arguments());
        assertEquals(List.of("a\tb", "é"), exec.values());
        assertEquals("\"a\\tb\"", exec.items().get(0).raw());
        assertEquals("1:7-1:13", at(exec.items().get(0).range()));
        assertTrue(in.isExecForm());
    }

    @Test
    void keyValuesAndArgs() {
        KeyValueList env = assertInstanceOf(KeyValueList.class,
                parse("ENV a=1 b=\"x y\" c=\n").instructions().get(0).arguments());
        assertFalse(env.legacy());
        assertEquals(List.of("a", "b", "c"), env.pairs().stream().map(p -> p.key()).toList());
        assertEquals(List.of("1", "\"x y\"", ""), env.pairs().stream().map(p -> p.value()).toList());
        assertEquals("1:9-1:16", at(env.pairs().get(1).range()));
        KeyValueList legacy = assertInstanceOf(KeyValueList.class,
                parse("LABEL key some value\n").instructions().get(0).arguments());
        assertTrue(legacy.legacy());
        assertEquals("some value", legacy.pairs().get(0).value());
        ArgList args = assertInstanceOf(ArgList.class, parse("ARG a=1 b\n").instructions().get(0).arguments());
        assertEquals(Optional.of("1"), args.declarations().get(0).defaultValue());
        assertEquals(Optional.empty(), args.declarations().get(1).defaultValue());
    }

    @Test
    void healthcheckAndOnbuild() {
        Dockerfile f = parse("HEALTHCHECK --retries=3 CMD [\"x\"]\nHEALTHCHECK NONE\nONBUILD COPY --from=a <<EOF /x\nhi\nEOF\n");
        HealthcheckArguments hc = assertInstanceOf(HealthcheckArguments.class, f.instructions().get(0).arguments());
        assertEquals("CMD", hc.type().text());
        assertInstanceOf(ExecForm.class, hc.command());
        HealthcheckArguments none = assertInstanceOf(HealthcheckArguments.class, f.instructions().get(1).arguments());
        assertInstanceOf(NoArguments.class, none.command());
        Instruction onbuild = f.instructions().get(2);
        OnbuildTrigger trigger = assertInstanceOf(OnbuildTrigger.class, onbuild.arguments());
        assertEquals(Keyword.COPY, trigger.trigger().keyword());
        assertEquals("3:9-3:13", at(trigger.trigger().keywordRange()));
        assertEquals("from", trigger.trigger().flags().get(0).name());
        assertEquals("hi\n", trigger.trigger().heredocs().get(0).body());
        assertEquals(onbuild.heredocs(), trigger.trigger().heredocs());
        assertEquals("3:1-5:4", at(onbuild.range()));
    }

    @Test
    void heredocs() {
        Dockerfile f = parse("RUN 3<<-'EOF' cat <&3 && cat <<B\n\tline $x\n\tEOF\nb1\r\nB\nFROM a\n");
        List<Heredoc> hs = f.instructions().get(0).heredocs();
        Heredoc first = hs.get(0);
        assertEquals("EOF", first.delimiter());
        assertTrue(first.quoted());
        assertTrue(first.stripTabs());
        assertEquals(OptionalInt.of(3), first.fileDescriptor());
        assertEquals("3<<-'EOF'", first.word());
        assertEquals("\tline $x\n", first.body());
        assertEquals("1:5-1:14", at(first.range()));
        assertEquals("2:1-3:5", at(first.bodyRange()));
        Heredoc second = hs.get(1);
        assertEquals("B", second.delimiter());
        assertFalse(second.quoted());
        assertEquals(OptionalInt.empty(), second.fileDescriptor());
        assertEquals("b1\r\n", second.body());
        assertEquals("1:1-5:2", at(f.instructions().get(0).range()));
        assertEquals(6, f.instructions().get(1).range().startLine());
    }

    @Test
    void quotedDelimiterParts() {
        List<Heredoc> hs = parse("COPY <<E\"O\"F <<\\X /d/\nEOF\nX\n").instructions().get(0).heredocs();
        assertEquals("EOF", hs.get(0).delimiter());
        assertTrue(hs.get(0).quoted());
        assertEquals("X", hs.get(1).delimiter());
        assertFalse(hs.get(1).quoted());
    }

    @Test
    void crlfBomAndNoFinalNewline() {
        Dockerfile f = parse("\uFEFFFROM a\r\nRUN b");
        assertEquals("1:1-1:7", at(f.instructions().get(0).range()));
        assertEquals("2:1-2:6", at(f.instructions().get(1).range()));
    }
}
