package dev.estiba.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every construct of the grammar, as the BuildKit dump shows it (buildkit-dump-format.md). */
class BuildkitDumpTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // keywords in any case, lowercased in the dump
                row("From ubuntu:14.04\nfrom a AS b\n", "(from \"ubuntu:14.04\")\n(from \"a\" \"AS\" \"b\")\n"),
                row("EXPOSE 80 443/udp\t 8000-8010\n", "(expose \"80\" \"443/udp\" \"8000-8010\")\n"),
                // shell form: the rest verbatim
                row("RUN echo \"1234\" && ls  -l\n", "(run \"echo \\\"1234\\\" && ls  -l\")\n"),
                row("run echo a # b\n", "(run \"echo a # b\")\n"),
                // exec form
                row("CMD [\"echo\", \"a b\"]\n", "(cmd \"echo\" \"a b\")\n"),
                row("CMD []\n", "(cmd)\n"),
                row("ENTRYPOINT [ \"a\" ,\n", "(entrypoint \"[ \\\"a\\\" ,\")\n"),
                row("RUN ['a','b']\n", "(run \"['a','b']\")\n"),
                row("RUN [\"ls\"],\n", "(run \"[\\\"ls\\\"],\")\n"),
                row("RUN [\"c:\\windows\"]\n", "(run \"[\\\"c:\\\\windows\\\"]\")\n"),
                row("CMD [\"a\\/b\", \"\\u0000\", \"\\u00e9\\ud83d\\ude00\"]\n",
                        "(cmd \"a/b\" \"\\x00\" \"é😀\")\n"),
                row("SHELL [\"/bin/sh\", \"-c\"]\n", "(shell \"/bin/sh\" \"-c\")\n"),
                // ADD, COPY, VOLUME: JSON or blank-split words
                row("COPY [\"a b\", \"/c/\"]\n", "(copy \"a b\" \"/c/\")\n"),
                row("COPY [\"a\" \"b/\"]\n", "(copy \"[\\\"a\\\"\" \"\\\"b/\\\"]\")\n"),
                row("VOLUME [ '/data' ]\n", "(volume \"[\" \"'/data'\" \"]\")\n"),
                row("ADD a  b\n", "(add \"a\" \"b\")\n"),
                // flags
                row("COPY --user=me --doit=true foo /tmp/\n", "(copy [\"--user=me\" \"--doit=true\"] \"foo\" \"/tmp/\")\n"),
                row("COPY --doit=true -- foo /tmp/\n", "(copy [\"--doit=true\"] \"foo\" \"/tmp/\")\n"),
                row("CMD --doit -- [ ]\n", "(cmd [\"--doit\"])\n"),
                row("RUN --mount=type=cache,target=/x --network=none echo\n",
                        "(run [\"--mount=type=cache,target=/x\" \"--network=none\"] \"echo\")\n"),
                row("COPY --chown=\"a b\" --x='c\\'d' e f\n", "(copy [\"--chown=a b\" \"--x=c'd\"] \"e\" \"f\")\n"),
                row("RUN -- --not-a-flag\n", "(run \"--not-a-flag\")\n"),
                row("RUN -x\n", "(run \"-x\")\n"),
                row("COPY --label=café a b\n", "(copy [\"--label=cafÃ©\"] \"a\" \"b\")\n"),
                // ENV and LABEL
                row("ENV name=\"a b\" x=1\n", "(env \"name\" \"\\\"a b\\\"\" \"=\" \"x\" \"1\" \"=\")\n"),
                row("ENV ONE TWO= THREE=world\n", "(env \"ONE\" \"TWO= THREE=world\" \"\")\n"),
                row("ENV A one \"two two\"\n", "(env \"A\" \"one \\\"two two\\\"\" \"\")\n"),
                row("ENV a=\n", "(env \"a\" \"\" \"=\")\n"),
                row("LABEL \"com.example.vendor\"=\"ACME Inc\"\n",
                        "(label \"\\\"com.example.vendor\\\"\" \"\\\"ACME Inc\\\"\" \"=\")\n"),
                row("LABEL a=b\\ c d='e f'\n", "(label \"a\" \"b\\\\ c\" \"=\" \"d\" \"'e f'\" \"=\")\n"),
                row("ENV\n", "(env)\n"),
                // ARG
                row("ARG abc=\"123 456\" def\n", "(arg \"abc=\\\"123 456\\\"\" \"def\")\n"),
                row("ARG\n", "(arg)\n"),
                // one-string instructions
                row("USER me:grp\nWORKDIR /a b\nSTOPSIGNAL SIGTERM\nMAINTAINER Me <me@x>\n",
                        "(user \"me:grp\")\n(workdir \"/a b\")\n(stopsignal \"SIGTERM\")\n(maintainer \"Me <me@x>\")\n"),
                // HEALTHCHECK
                row("HEALTHCHECK --timeout=3s CMD foo\n", "(healthcheck [\"--timeout=3s\"] \"CMD\" \"foo\")\n"),
                row("HEALTHCHECK CMD a b\n", "(healthcheck \"CMD\" \"a b\")\n"),
                row("HEALTHCHECK CMD [\"x\", \"y\"]\n", "(healthcheck \"CMD\" \"x\" \"y\")\n"),
                row("HEALTHCHECK NONE\n", "(healthcheck \"NONE\")\n"),
                row("HEALTHCHECK\n", "(healthcheck)\n"),
                // ONBUILD
                row("ONBUILD RUN echo test\n", "(onbuild (run \"echo test\"))\n"),
                row("ONBUILD COPY --from=a . /\n", "(onbuild (copy [\"--from=a\"] \".\" \"/\"))\n"),
                row("ONBUILD RUN [\"echo\", \"test\"]\n", "(onbuild (run \"echo\" \"test\"))\n"),
                // continuations, comments, blanks, CRLF, BOM, no final newline
                row("RUN echo good\\\nbye\n", "(run \"echo goodbye\")\n"),
                row("RUN a \\\n# note\n    b\n", "(run \"a     b\")\n"),
                row("RUN a \\\n\n  \nb\n", "(run \"a b\")\n"),
                row("RUN a \\  \t\n  b\n", "(run \"a   b\")\n"),
                row("RUN a \\\n\\\nb\n", "(run \"a b\")\n"),
                row("RUN a \\\n", "(run \"a\")\n"),
                row("COPY x C:\\\\\nRUN b\n", "(copy \"x\" \"C:\\\\\\\\\")\n(run \"b\")\n"),
                row("RUN echo hello # \\\nRUN echo goodbye\n", "(run \"echo hello # RUN echo goodbye\")\n"),
                row("\uFEFFFROM a\r\nRUN b \\\r\n c\r\n", "(from \"a\")\n(run \"b  c\")\n"),
                row("FROM a", "(from \"a\")\n"),
                row("  \t FROM\ta\n", "(from \"a\")\n"),
                row("# c\n\n   # indented\nFROM a\n", "(from \"a\")\n"),
                // escape directive
                row("# escape=`\nRUN a `\n b\nCOPY x c:\\\n", "(run \"a  b\")\n(copy \"x\" \"c:\\\\\")\n"),
                row("# escape=`\nENV a=b`\" c=\\d\n", "(env \"a\" \"b`\\\"\" \"=\" \"c\" \"\\\\d\" \"=\")\n"),
                row("# about\n# escape=`\nRUN a \\\nb\n", "(run \"a b\")\n"),
                row("#SyNtAx = x\n# check=skip=all\nFROM a\n", "(from \"a\")\n"),
                // what ends the directive block: a blank line, an unknown key, a shebang, an instruction
                row("# syntax=x\n\n# escape=`\nRUN a `\nRUN b\n", "(run \"a `\")\n(run \"b\")\n"),
                row("# foo=bar\n# escape=`\nRUN a `\nRUN b\n", "(run \"a `\")\n(run \"b\")\n"),
                row("#!/bin/sh\n# escape=`\nRUN a `\nRUN b\n", "(run \"a `\")\n(run \"b\")\n"),
                row("FROM a\n# escape=`\nRUN a `\nRUN b\n", "(from \"a\")\n(run \"a `\")\n(run \"b\")\n"),
                // heredocs: the opener is an ordinary argument, bodies are not dumped
                row("RUN <<EOF\necho hi\nEOF\n", "(run \"<<EOF\")\n"),
                row("RUN <<-EOF bash\n\techo hi\n\tEOF\nFROM a\n", "(run \"<<-EOF bash\")\n(from \"a\")\n"),
                row("COPY <<X <<Y /dest/\nY\nX\nbody\nY\n", "(copy \"<<X\" \"<<Y\" \"/dest/\")\n"),
                row("RUN 3<<EOF cat <&3\nx\nEOF\n", "(run \"3<<EOF cat <&3\")\n"),
                row("RUN cat <<'EOF' && cat <<\"B\"\n$x\nEOF\ny\nB\n", "(run \"cat <<'EOF' && cat <<\\\"B\\\"\")\n"),
                row("RUN a && \\\n  cat <<EOF >> f && \\\n  b\nbody\nEOF\n", "(run \"a &&   cat <<EOF >> f &&   b\")\n"),
                row("ONBUILD ADD <<EOF /x\nhi\nEOF\n", "(onbuild (add \"<<EOF\" \"/x\"))\n"),
                row("RUN [\"<<EOF\"]\nUSER <<EOF\nRUN \"<<EOF\"\n",
                        "(run \"<<EOF\")\n(user \"<<EOF\")\n(run \"\\\"<<EOF\\\"\")\n"),
                row("RUN cat << EOF\nx\nEOF\n", "(run \"cat << EOF\")\n"),
                row("RUN <<EOF\nx\nEOF", "(run \"<<EOF\")\n"),
                row("RUN <<EOF\n# not a comment\nRUN not an instruction \\\nEOF\n# after\nFROM a\n",
                        "(run \"<<EOF\")\n(from \"a\")\n"),
                // Go quoting
                row("RUN echo \u00a0\u200b\ufeff\u2028 \t\u0007\u007f ♥ 한국어 \ud83d\ude00 \udb40\udc01\n",
                        "(run \"echo \\u00a0\\u200b\\ufeff\\u2028 \\t\\a\\x7f ♥ 한국어 😀 \\U000e0001\")\n"));
    }

    private static Arguments row(String dockerfile, String dump) {
        return Arguments.of(dockerfile, dump);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void dumpsLikeBuildkit(String dockerfile, String expected) {
        assertEquals(expected, BuildkitDump.dump(DockerfileParser.parse("Dockerfile", dockerfile)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void printsBackToAnEqualDump(String dockerfile, String expected) {
        String printed = DockerfilePrinter.print(DockerfileParser.parse("Dockerfile", dockerfile));
        assertEquals(expected, BuildkitDump.dump(DockerfileParser.parse("printed", printed)), printed);
    }
}
