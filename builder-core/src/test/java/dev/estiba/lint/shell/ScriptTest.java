package dev.estiba.lint.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScriptTest {

    /** Each command rendered as its word values joined by spaces, commands joined by " | ". */
    static String render(Script s) {
        return s.commands().stream()
            .map(c -> String.join(" ", c.words().stream().map(Word::value).toList()))
            .collect(Collectors.joining(" | "));
    }

    static Stream<Arguments> commands() {
        return Stream.of(
            Arguments.of("apt-get update && apt-get install -y curl", "apt-get update | apt-get install -y curl"),
            Arguments.of("a; b || c & d", "a | b | c | d"),
            Arguments.of("echo 'a b' \"c $HOME d\" e\\ f", "echo a b c $HOME d e f"),
            Arguments.of("echo \"x\\\"y\" 'q\\'", "echo x\"y q\\"),
            Arguments.of("cd /tmp \\\n  && make", "cd /tmp | make"),
            Arguments.of("(cd /x && ls) | wc -l", "cd /x | ls | wc -l"),
            Arguments.of("{ a; b; }", "a | b"),
            Arguments.of("if [ -f x ]; then rm x; else touch x; fi", "[ -f x ] | rm x | touch x"),
            Arguments.of("for p in a b; do pip install $p; done", "pip install $p"),
            Arguments.of("while read l; do echo $l; done < f", "read l | echo $l"),
            Arguments.of("case $x in a|b) echo ab;; *) echo other;; esac", "echo ab | echo other"),
            Arguments.of("echo $(curl -s http://x | sh)", "echo $(curl -s http://x | sh) | curl -s http://x | sh"),
            Arguments.of("echo `wget x`", "echo `wget x` | wget x"),
            Arguments.of("cat <<EOF > f\nline $x\nEOF\necho done", "cat | echo done"),
            Arguments.of("X=1 Y=2 env", "env"),
            Arguments.of("f() { sudo x; }; f", "sudo x | f"),
            Arguments.of("echo a # sudo b\necho c", "echo a | echo c"),
            Arguments.of("diff <(sort a) b", "diff <(sort a) b | sort a"),
            Arguments.of("echo ${A:-x y} $((1 + 2))", "echo ${A:-x y} $((1 + 2))"),
            Arguments.of("! grep -q x f", "grep -q x f"),
            Arguments.of("echo a 2>&1 >/dev/null", "echo a"));
    }

    @ParameterizedTest
    @MethodSource
    void commands(String script, String expected) {
        assertEquals(expected, render(Script.parse(script)));
    }

    @Test
    void positionsAndLines() {
        Script s = Script.parse("apt-get update \\\n && apt-get install -y \\\n    curl=7.1");
        Command install = s.commands().get(1);
        assertEquals(21, install.start());
        assertEquals(2, s.line(install.start()));
        assertEquals(5, s.column(install.start()));
        Word curl = install.words().get(3);
        assertEquals("curl=7.1", curl.value());
        assertEquals(3, s.line(curl.start()));
        assertEquals(5, s.column(curl.start()));
        assertEquals(1, s.column(0));
    }

    @Test
    void assignmentsRedirectsAndHeredocBodies() {
        Script s = Script.parse("A=1 B=\"$A\" cmd x 2>&1 >out <<-EOT\n\tbody $A\n\tEOT\n");
        Command c = s.commands().get(0);
        assertEquals(List.of("A=1", "B=$A"), c.assignments().stream().map(Word::value).toList());
        assertEquals(List.of("cmd", "x"), c.words().stream().map(Word::value).toList());
        assertEquals(List.of("2>&1", ">out", "<<-EOT"),
            c.redirects().stream().map(r -> src(s, r)).toList());
        assertEquals("body $A\n", c.redirects().get(2).heredocBody());
        assertFalse(c.assignments().get(1).literal());
        assertTrue(c.assignments().get(0).literal());
    }

    private static String src(Script s, Redirect r) {
        return s.source().substring(r.start(), r.target().end());
    }

    @Test
    void pipesAndNesting() {
        Script s = Script.parse("a | b && (c |& d)");
        assertEquals(List.of(2, 12), s.pipes());
        assertEquals(List.of(false, false, true, true), s.commands().stream().map(Command::nested).toList());
        assertEquals(s.commands().get(0).pipeline(), s.commands().get(1).pipeline());
        assertTrue(s.commands().get(1).pipeline() != s.commands().get(2).pipeline());
        assertTrue(Script.parse("a || b").pipes().isEmpty());
    }

    @Test
    void flagsOperandsAndFlagValues() {
        Command c = Script.parse("apt-get -qy -t bookworm install --no-install-recommends foo=1 bar -- -baz")
            .commands().get(0);
        assertEquals(List.of("q", "y", "t", "no-install-recommends"), c.flags());
        assertTrue(c.hasAnyFlag("y", "yes"));
        assertFalse(c.hasAnyFlag("assume-yes"));
        assertEquals(List.of("install", "foo=1", "bar", "-baz"),
            c.operands(Set.of("t")).stream().map(Word::value).toList());
        assertEquals("bookworm", c.flagValue("t", "target-release"));
        assertEquals("x", Script.parse("pip --index-url=x install").commands().get(0).flagValue("index-url"));
        assertTrue(Script.parse("/usr/bin/apt-get install").commands().get(0).is("apt-get"));
        assertEquals(1, Script.parse("a && sudo b; sudo c | d").named("sudo").size() - 1);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
            Arguments.of("echo 'abc", "unclosed single quote", 5),
            Arguments.of("echo \"abc", "unclosed double quote", 5),
            Arguments.of("cat <<EOF\nx\n", "heredoc delimited by EOF is not closed", 4),
            Arguments.of("echo $(ls", "unclosed (", 6),
            Arguments.of("echo >", "missing word after >", 6));
    }

    @ParameterizedTest
    @MethodSource
    void errors(String script, String message, int offset) {
        ShellSyntaxException e = assertThrows(ShellSyntaxException.class, () -> Script.parse(script));
        assertEquals(message, e.getMessage());
        assertEquals(offset, e.offset());
    }

    @ParameterizedTest
    @MethodSource("assignmentTargets")
    void assignmentTargetsAreShellNamesWithOptionalSubscriptAndPlus(String target, boolean expected) {
        assertEquals(expected, ShellParser.isAssignmentTarget(target), target);
    }

    static Stream<Arguments> assignmentTargets() {
        return Stream.of(
            Arguments.of("A", true), Arguments.of("_x9", true), Arguments.of("a+", true), Arguments.of("a[1]", true),
            Arguments.of("a[]", true), Arguments.of("a[x[y]+", true), Arguments.of("a[$i]+", true),
            Arguments.of("", false), Arguments.of("+", false), Arguments.of("9a", false), Arguments.of("a-b", false),
            Arguments.of("a]", false), Arguments.of("[x]", false), Arguments.of("a+[x]", false),
            Arguments.of("a[x]]", false), Arguments.of("a[x]++", false), Arguments.of("a[x", false), Arguments.of("\u00e9", false));
    }
}
