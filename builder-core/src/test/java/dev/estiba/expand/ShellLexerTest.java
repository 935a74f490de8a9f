package dev.estiba.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Single-word expansion, with cases taken from BuildKit's envVarTest table (facts, not code). */
class ShellLexerTest {
    private static final ShellLexer LEX = ShellLexer.withEscape('\\');
    private static final Map<String, String> ENV = Map.of(
        "PWD", "/home", "SHELL", "bash", "KOREAN", "한국어", "NULL", "");

    static Arguments ok(String input, String expected) {
        return Arguments.of(input, expected, null);
    }

    static Arguments err(String input, String reason) {
        return Arguments.of(input, null, reason);
    }

    static Stream<Arguments> envVarTable() {
        return Stream.of(
            // quotes and escapes
            ok("hello", "hello"),
            ok("he'll'o", "hello"),
            err("he'llo", "unexpected end of statement while looking for matching single-quote"),
            ok("he\\'llo", "he'llo"),
            err("he\\\\'llo", "unexpected end of statement while looking for matching single-quote"),
            ok("abc\\tdef", "abctdef"),
            ok("\"abc\\tdef\"", "abc\\tdef"),
            ok("\"abc\\\\tdef\"", "abc\\tdef"),
            ok("'abc\\tdef'", "abc\\tdef"),
            ok("hello\\", "hello"),
            ok("hello\\\\", "hello\\"),
            err("\"hello", "unexpected end of statement while looking for matching double-quote"),
            err("\"hello\\\"", "unexpected end of statement while looking for matching double-quote"),
            ok("\"hel'lo\"", "hel'lo"),
            err("'hello", "unexpected end of statement while looking for matching single-quote"),
            ok("'hello\\'", "hello\\"),
            ok("'hello\\there'", "hello\\there"),
            ok("'hello\\\\there'", "hello\\\\there"),
            ok("\"''\"", "''"),
            ok("'\"hello\"'", "\"hello\""),
            // dollar forms
            ok("$.", "$."),
            ok("a$", "a$"),
            ok("$ x", "$ x"),
            ok("$1", ""),
            ok("he$1x", "hex"),
            ok("he$.x", "he$.x"),
            ok("he$pwd.", "he."),
            ok("he$PWD", "he/home"),
            ok("he\\$PWD", "he$PWD"),
            ok("he\\\\$PWD", "he\\/home"),
            ok("\"he\\$PWD\"", "he$PWD"),
            ok("\"he\\\\$PWD\"", "he\\/home"),
            ok("'he\\$PWD'", "he\\$PWD"),
            ok("\\${}", "${}"),
            ok("\\${}aaa", "${}aaa"),
            ok("he\\${}", "he${}"),
            ok("he\\${}xx", "he${}xx"),
            err("${}", "syntax error: bad substitution"),
            err("${}aaa", "syntax error: bad substitution"),
            err("he${}", "syntax error: bad substitution"),
            err("he${}xx", "syntax error: bad substitution"),
            ok("he${hi}", "he"),
            ok("he${hi}xx", "hexx"),
            ok("he${PWD}", "he/home"),
            err("he${.}", "unsupported modifier (.) in substitution"),
            ok("'he${XX}'", "he${XX}"),
            ok("\"he${PWD}\"", "he/home"),
            ok("\"he'$PWD'\"", "he'/home'"),
            ok("\"$PWD\"", "/home"),
            ok("'$PWD'", "$PWD"),
            ok("'\\$PWD'", "\\$PWD"),
            err("he${PWD", "syntax error: missing '}'"),
            ok("$KOREAN", "한국어"),
            ok("안녕$KOREAN", "안녕한국어"),
            ok("안'녕'하세요", "안녕하세요"),
            ok("안녕\\'하세요", "안녕'하세요"),
            ok("안녕$1x", "안녕x"),
            // positional and special parameters are always unset
            ok("${999}", ""),
            ok("a$@b$*c$#d$?e$-f$$g$!h$0i", "abcdefghi"),
            ok("$10x", "x"),
            ok("${#}", ""),
            // :- and -
            ok("he${XXX:-000}xx", "he000xx"),
            ok("he${PWD:-000}xx", "he/homexx"),
            ok("he${XXX:-$PWD}xx", "he/homexx"),
            ok("he${XXX:-${PWD:-yyy}}xx", "he/homexx"),
            ok("he${XXX:-${YYY:-yyy}}xx", "heyyyxx"),
            ok("${NULL:-x}", "x"),
            ok("${NULL-x}", ""),
            ok("${XXX-x}", "x"),
            ok("${PWD-x}", "/home"),
            ok("he${XXX:-\\$PWD:}xx", "he$PWD:xx"),
            ok("he${XXX:-\\${PWD}z}xx", "he${PWDz}xx"),
            ok("${XXX:-'a b}'}", "a b}"),
            ok("${XXX:-\"$PWD x\"}", "/home x"),
            ok("${XXX:-a\\}b}", "a}b"),
            // :+ and +
            ok("he${XXX:+${PWD}}xx", "hexx"),
            ok("he${PWD:+${XXX}}xx", "hexx"),
            ok("he${PWD:+${SHELL}}xx", "hebashxx"),
            ok("he${XXX:+000}xx", "hexx"),
            ok("he${PWD:+000}xx", "he000xx"),
            ok("he${PWD:+${PWD}:}xx", "he/home:xx"),
            ok("${NULL:+x}", ""),
            ok("${NULL+x}", "x"),
            ok("${XXX+x}", ""),
            // :? and ?
            ok("${PWD:?x}", "/home"),
            ok("${NULL?x}", ""),
            err("${NULL:?x}", "NULL: x"),
            err("${NULL:?}", "NULL: is not allowed to be empty"),
            err("${XXX:?}", "XXX: is not allowed to be unset"),
            err("${XXX?}", "XXX: is not allowed to be unset"),
            err("${XXX:?must be set to $SHELL}", "XXX: must be set to bash"),
            err("${XXX?must be set}", "XXX: must be set"),
            err("${XXX:-${YYY:?inner}}", "YYY: inner"),
            // # ## % %%
            ok("${PWD#/}", "home"),
            ok("${PWD#*o}", "me"),
            ok("${PWD##*o}", "me"),
            ok("${SHELL#*a}", "sh"),
            ok("${PWD%e}", "/hom"),
            ok("${PWD%o*}", "/h"),
            ok("${PWD%%o*}", "/h"),
            ok("${XXX#a}", ""),
            ok("${PWD#}", "/home"),
            ok("${PWD#x}", "/home"),
            ok("${PWD#?}", "home"),
            ok("${PWD#[}", "/home"),
            err("${PWD:#x}", "unsupported modifier (:#) in substitution"),
            err("${PWD:%x}", "unsupported modifier (:%) in substitution"),
            err("${PWD#\\x}", "invalid pattern (\\x) in substitution: invalid escape '\\x'"),
            // / and //
            ok("${SHELL/a/A}", "bAsh"),
            ok("${SHELL//?/x}", "xxxx"),
            ok("${PWD/\\//:}", ":home"),
            ok("${PWD//o/$SHELL}", "/hbashme"),
            ok("${XXX/a/b}", ""),
            err("${PWD/o}", "syntax error: missing '/' in ${}"),
            err("${PWD/o/x", "syntax error: missing '}'"),
            // other errors
            err("he${XXX:YYY}", "unsupported modifier (:Y) in substitution"),
            err("he${PWD:=000}xx", "unsupported modifier (:=) in substitution"),
            err("${FOO=aaa}", "unsupported modifier (=) in substitution"),
            err("${{aaa}", "syntax error: bad substitution"),
            ok("${aaa}}", "}"),
            err("${aaa", "syntax error: missing '}'"),
            err("${", "syntax error: missing '}'"),
            err("${{aaa:-bbb}", "syntax error: bad substitution"),
            ok("${aaa:-bbb}}", "bbb}"),
            err("${aaa:-bbb", "syntax error: missing '}'"),
            ok("${aaa:-bbb}", "bbb"),
            ok("${aaa:-${bbb:-ccc}}", "ccc"),
            err("${aaa:-bbb ${foo}", "syntax error: missing '}'"),
            ok("${aaa:-bbb {foo}", "bbb {foo"),
            err("${:}", "syntax error: bad substitution"),
            err("${:-bbb}", "syntax error: bad substitution"),
            err("${:+bbb}", "syntax error: bad substitution"),
            err("${aaa:}", "syntax error: missing '}'"),
            err("${aaa:-\"x}", "syntax error: missing '}'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("envVarTable")
    void expandsOneWord(String input, String expected, String reason) {
        if (reason == null) {
            assertEquals(expected, LEX.expandWord(input, ENV));
        } else {
            ExpansionException e = assertThrows(ExpansionException.class, () -> LEX.expandWord(input, ENV));
            assertEquals(reason, e.reason());
            assertEquals(input, e.word());
            assertEquals("failed to process " + ExpansionException.quote(input) + ": " + reason, e.getMessage());
        }
    }

    static Stream<Arguments> matches() {
        Map<String, String> fooBar = new LinkedHashMap<>();
        fooBar.put("FOO", "xxx");
        fooBar.put("BAR", "");
        return Stream.of(
            Arguments.of("x", Map.of("DUMMY", "d"), "x", List.of(), List.of()),
            Arguments.of("x ${UNUSED}", Map.of("DUMMY", "d"), "x ", List.of(), List.of("UNUSED")),
            Arguments.of("x ${FOO}", Map.of("FOO", "y"), "x y", List.of("FOO"), List.of()),
            Arguments.of("${FOO-aaa} ${BAR-bbb} ${BAZ-ccc}", fooBar, "xxx  ccc", List.of("FOO", "BAR"), List.of("BAZ")),
            Arguments.of("${FOO:-aaa} ${BAR:-bbb} ${BAZ:-ccc}", fooBar, "xxx bbb ccc", List.of("FOO", "BAR"),
                List.of("BAZ")),
            Arguments.of("${FOO:-}", fooBar, "xxx", List.of("FOO"), List.of()),
            Arguments.of("${FOO:-}", Map.of(), "", List.of(), List.of("FOO")),
            Arguments.of("${FOO+aaa} ${BAR+bbb} ${BAZ+ccc}", fooBar, "aaa bbb ", List.of("FOO", "BAR"), List.of("BAZ")),
            Arguments.of("${FOO:+aaa} ${BAR:+bbb} ${BAZ:+ccc}", fooBar, "aaa  ", List.of("FOO", "BAR"), List.of("BAZ")),
            Arguments.of("${FOO?aaa}", fooBar, "xxx", List.of("FOO"), List.of()),
            Arguments.of("${BAR?bbb}", fooBar, "", List.of("BAR"), List.of()),
            Arguments.of("${FOO#()[]{\\}^$.\\*\\?|\\\\}", Map.of("FOO", "()[]{}^$.*?|\\x"), "x", List.of("FOO"), List.of()),
            Arguments.of("${FOO%%\\**}", Map.of("FOO", "xx**"), "xx", List.of("FOO"), List.of()),
            Arguments.of("${FOO#*x*y}", Map.of("FOO", "xxyy"), "y", List.of("FOO"), List.of()),
            Arguments.of("${FOO#*}", Map.of("FOO", "xxyy"), "xxyy", List.of("FOO"), List.of()),
            Arguments.of("${FOO#$BAR}", Map.of("FOO", "xxyy", "BAR", "x"), "xyy", List.of("BAR", "FOO"), List.of()),
            Arguments.of("${FOO#$BAR}", Map.of("FOO", "xxyy", "BAR", ""), "xxyy", List.of("BAR", "FOO"), List.of()),
            Arguments.of("${FOO#}", Map.of("FOO", "xxyy"), "xxyy", List.of("FOO"), List.of()),
            Arguments.of("${FOO##*x}", Map.of("FOO", "xxyy"), "yy", List.of("FOO"), List.of()),
            Arguments.of("${FOO##}", Map.of("FOO", "xxyy"), "xxyy", List.of("FOO"), List.of()),
            Arguments.of("${FOO#?\\?}", Map.of("FOO", "???y"), "?y", List.of("FOO"), List.of()),
            Arguments.of("${ABC:-.}${FOO%x}${ABC:-.}", Map.of("FOO", "xxyy"), ".xxyy.", List.of("FOO"),
                List.of("ABC")),
            Arguments.of("${FOO%%\\**\\*}", Map.of("FOO", "a***yy*"), "a", List.of("FOO"), List.of()),
            Arguments.of("${FOO%}", Map.of("FOO", "xxyy"), "xxyy", List.of("FOO"), List.of()),
            Arguments.of("${FOO%y}", Map.of("FOO", "xxyy"), "xxy", List.of("FOO"), List.of()),
            Arguments.of("${FOO%%$BAR}", Map.of("FOO", "xxyy", "BAR", ""), "xxyy", List.of("BAR", "FOO"), List.of()),
            Arguments.of("${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}", Map.of("FOO", "/foo*/*/*.txt", "NEEDLE", "\\*/"),
                "/foo.*/*.txt - /foo..*.txt", List.of("NEEDLE", "FOO"), List.of()),
            Arguments.of("${FOO/$NEEDLE/} - ${FOO//$NEEDLE/}", Map.of("FOO", "/tmp/tmp/bar.txt", "NEEDLE", "/tmp"),
                "/tmp/bar.txt - /bar.txt", List.of("NEEDLE", "FOO"), List.of()),
            Arguments.of("${FOO/$NEEDLE/$REPLACEMENT} - ${FOO//$NEEDLE/$REPLACEMENT}",
                Map.of("FOO", "/a/foo/b/c.txt", "NEEDLE", "/?/", "REPLACEMENT", "/"),
                "/foo/b/c.txt - /foo/c.txt", List.of("NEEDLE", "REPLACEMENT", "FOO"), List.of()),
            Arguments.of("${FOO/$NEEDLE/$REPLACEMENT}",
                Map.of("FOO", "http://google.de", "NEEDLE", "http://", "REPLACEMENT", "https://"),
                "https://google.de", List.of("NEEDLE", "REPLACEMENT", "FOO"), List.of()),
            Arguments.of("${FOO//\\//\\/}", Map.of("FOO", "/tmp/foo.txt"), "\\/tmp\\/foo.txt", List.of("FOO"), List.of()),
            Arguments.of("${FOO/$BAR/ww}", Map.of("FOO", "xxyy", "BAR", ""), "wwxxyy", List.of("BAR", "FOO"), List.of()),
            Arguments.of("${FOO///}", Map.of("FOO", "xxyy"), "xxyy", List.of("FOO"), List.of()),
            Arguments.of("${FOO///}", Map.of(), "", List.of(), List.of("FOO")),
            // replace-all follows Go's ReplaceAllString: empty matches between characters, $0 is the match
            Arguments.of("${FOO//$BAR/-}", Map.of("FOO", "ab", "BAR", ""), "-a-b-", List.of("BAR", "FOO"), List.of()),
            // (Java's replaceAll would add a second '-' for the empty match at the end)
            Arguments.of("${FOO//*/-}", Map.of("FOO", "xab"), "-", List.of("FOO"), List.of()),
            Arguments.of("${FOO//b/<'$0'>}", Map.of("FOO", "abc"), "a<b>c", List.of("FOO"), List.of()),
            Arguments.of("${FOO//b/'$$'}", Map.of("FOO", "abc"), "a$c", List.of("FOO"), List.of()),
            Arguments.of("${FOO//b/'$x'}", Map.of("FOO", "abc"), "ac", List.of("FOO"), List.of()),
            // escapes stay in the replacement, and the template still sees the $0 behind them
            Arguments.of("${FOO//b/<\\$0>}", Map.of("FOO", "abc"), "a<\\b>c", List.of("FOO"), List.of()),
            Arguments.of("${FOO/b/<'$0'>}", Map.of("FOO", "abc"), "a<$0>c", List.of("FOO"), List.of()),
            Arguments.of("something-${VERSION}.${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-${TARGETVARIANT}}.tar.gz",
                Map.of("VERSION", "v1.2.3", "TARGETOS", "linux", "TARGETARCH", "arm64"),
                "something-v1.2.3.linux-arm64.tar.gz", List.of("VERSION", "TARGETOS", "TARGETARCH"),
                List.of("TARGETVARIANT")));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("matches")
    void reportsFoundAndUnsetNames(String input, Map<String, String> env, String expected, List<String> found,
                                   List<String> unset) {
        Expansion e = LEX.expand(input, env);
        assertEquals(expected, e.value());
        assertEquals(List.copyOf(found), List.copyOf(e.found()));
        assertEquals(List.copyOf(unset), List.copyOf(e.unset()));
    }

    static Stream<Arguments> failing() {
        return Stream.of(
            Arguments.of("${FOO=aaa}", Map.of("FOO", "x"), "unsupported modifier (=) in substitution"),
            Arguments.of("${FOO=:aaa}", Map.of("FOO", "x"), "unsupported modifier (=) in substitution"),
            Arguments.of("${FOO=}", Map.of(), "unsupported modifier (=) in substitution"),
            Arguments.of("${FOO//ww}", Map.of("FOO", "xxyy"), "syntax error: missing '/' in ${}"),
            Arguments.of("${FOO//}", Map.of("FOO", "xxyy"), "syntax error: missing '/' in ${}"),
            Arguments.of("${BAR:?bbb}", Map.of("BAR", ""), "BAR: bbb"),
            Arguments.of("${VAR:?message here$ARG}", Map.of("VAR", "", "ARG", "x"), "VAR: message herex"),
            Arguments.of("${VAR:?message here$ARG}", Map.of("ARG", "x"), "VAR: message herex"),
            Arguments.of("${VAR?message here$ARG}", Map.of("ARG", "x"), "VAR: message herex"),
            Arguments.of("${FOO%ab\\}", Map.of("FOO", "x"), "syntax error: missing '}'"),
            Arguments.of("${FOO#a\\b}", Map.of("FOO", "x"), "invalid pattern (a\\b) in substitution: invalid escape '\\b'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failing")
    void failsWithTheReason(String input, Map<String, String> env, String reason) {
        ExpansionException e = assertThrows(ExpansionException.class, () -> LEX.expand(input, env));
        assertEquals(reason, e.reason());
    }

    static Stream<Arguments> mandatory() {
        return Stream.of(
            Arguments.of("${VAR:?message here$ARG}", Map.of("VAR", "plain", "ARG", "x"), "plain"),
            Arguments.of("${VAR?message here$ARG}", Map.of("VAR", "plain", "ARG", "x"), "plain"),
            Arguments.of("${VAR?message here$ARG}", Map.of("VAR", "", "ARG", "x"), ""));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("mandatory")
    void mandatoryVariablesPassWhenSet(String input, Map<String, String> env, String expected) {
        assertEquals(expected, LEX.expandWord(input, env));
    }

    static Stream<Arguments> backtick() {
        return Stream.of(
            Arguments.of("a`$PWD", "a$PWD"),
            Arguments.of("a\\b", "a\\b"),
            Arguments.of("a` b", "a b"),
            Arguments.of("\"a`\"b\"", "a\"b"),
            Arguments.of("\"a\\$PWD\"", "a\\/home"),
            Arguments.of("c:\\path\\", "c:\\path\\"),
            Arguments.of("x`", "x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backtick")
    void backtickEscapeReplacesBackslash(String input, String expected) {
        assertEquals(expected, ShellLexer.withEscape('`').expandWord(input, ENV));
    }

    static Stream<Arguments> options() {
        return Stream.of(
            Arguments.of(LEX.rawQuotes(true), "'a'\"$PWD\"", "'a'\"/home\""),
            Arguments.of(LEX.rawEscapes(true), "a\\ b\\$PWD", "a\\ b\\$PWD"),
            Arguments.of(LEX.skipProcessQuotes(true), "'$PWD' \"x\"", "'/home' \"x\""),
            Arguments.of(LEX.skipUnsetEnv(true), "$X ${Y} ${Z:-d} ${W/a/b} $PWD", "$X ${Y} ${Z:-d} ${W/a/b} /home"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("options")
    void optionsChangeWhatIsKept(ShellLexer lexer, String input, String expected) {
        assertEquals(expected, lexer.expandWord(input, ENV));
    }

    @org.junit.jupiter.api.Test
    void unsetIsASubsetOfReferencedInLookupOrder() {
        Expansion e = LEX.expand("$B ${A:-$C} $B $1", Map.of("A", "a"));
        assertEquals(List.of("B", "C", "A", "1"), List.copyOf(e.referenced()));
        assertEquals(Set.of("B", "C", "1"), e.unset());
        assertEquals(List.of("A"), List.copyOf(e.found()));
    }
}
