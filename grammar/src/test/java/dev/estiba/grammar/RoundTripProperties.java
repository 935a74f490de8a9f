package dev.estiba.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.estiba.grammar.tree.Dockerfile;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Generated Dockerfiles survive parse, print, parse with an equal tree. */
class RoundTripProperties {

    @Property(tries = 400)
    void parsePrintParseGivesAnEqualTree(@ForAll("dockerfiles") String text) {
        Dockerfile first = DockerfileParser.parse("generated", text);
        String printed = DockerfilePrinter.print(first);
        Dockerfile second = DockerfileParser.parse("printed", printed);
        assertEquals(TreeShape.of(first), TreeShape.of(second), () -> text + "\n---- printed ----\n" + printed);
    }

    @Provide
    Arbitrary<String> dockerfiles() {
        return Arbitraries.randoms().map(r -> new DockerfileGenerator(r).file());
    }

    /** Writes a random, valid Dockerfile. */
    static final class DockerfileGenerator {
        private static final String[] WORDS = {"a", "b1", "/usr/local/bin", "$HOME", "${X:-y}", "x=y", "\"q u\"",
            "'s q'", "&&", "||", "-c", "--x", "é", "C:\\\\dir", "[", "]", "a\\\"b", "#", "{}", "*.txt"};
        private final Random r;
        private final StringBuilder sb = new StringBuilder();
        private char escape = '\\';

        DockerfileGenerator(Random r) {
            this.r = r;
        }

        String file() {
            if (r.nextInt(4) == 0) {
                sb.append("# syntax=docker/dockerfile:1\n");
            }
            if (r.nextInt(4) == 0) {
                escape = '`';
                sb.append("# escape=`\n");
            }
            int n = 1 + r.nextInt(8);
            for (int i = 0; i < n; i++) {
                if (r.nextInt(4) == 0) {
                    sb.append(r.nextBoolean() ? "\n" : "# comment " + i + "\n");
                }
                instruction();
            }
            return sb.toString();
        }

        private void instruction() {
            String heredocs = "";
            String line;
            switch (r.nextInt(14)) {
                case 0 -> line = kw("FROM") + " " + pick("alpine:3", "scratch", "img@sha256:ab") 
                        + (r.nextBoolean() ? " AS build" : "");
                case 1 -> {
                    String[] h = heredoc();
                    line = kw("RUN") + flags("--mount=type=cache,target=/c", "--network=none") + " " + h[0]
                            + shell();
                    heredocs = h[1];
                }
                case 2 -> line = kw(pick("CMD", "ENTRYPOINT", "RUN")) + " " + (r.nextBoolean() ? json() : shell());
                case 3 -> {
                    String[] h = heredoc();
                    line = kw(pick("COPY", "ADD")) + flags("--from=build", "--chown=\"a b\"", "--link") + " "
                            + (r.nextBoolean() && h[0].isEmpty() ? json() : h[0] + "src /dst/");
                    heredocs = h[1];
                }
                case 4 -> line = kw(pick("ENV", "LABEL")) + " " + pairs();
                case 5 -> line = kw(pick("ENV", "LABEL")) + " key " + shell();
                case 6 -> line = kw("ARG") + " " + pick("a", "b=1", "c=\"x y\" d");
                case 7 -> line = kw("EXPOSE") + " " + pick("80", "443/tcp 53/udp", "8000-8010");
                case 8 -> line = kw(pick("USER", "WORKDIR", "STOPSIGNAL", "MAINTAINER")) + " " + pick("me", "/a b", "9");
                case 9 -> line = kw("VOLUME") + " " + (r.nextBoolean() ? json() : "/data /logs");
                case 10 -> line = kw("SHELL") + " " + json();
                case 11 -> line = kw("HEALTHCHECK") + (r.nextBoolean() ? " NONE"
                        : flags("--interval=5s", "--retries=3") + " CMD " + (r.nextBoolean() ? json() : shell()));
                case 12 -> {
                    String[] h = heredoc();
                    line = kw("ONBUILD") + " " + kw("RUN") + " " + h[0] + shell();
                    heredocs = h[1];
                }
                default -> line = kw(pick("CMD", "HEALTHCHECK", "ARG"));
            }
            sb.append(continued(line)).append('\n').append(heredocs);
        }

        /** Breaks the line at some blanks with continuations, comment lines and empty lines. */
        private String continued(String line) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                out.append(c);
                boolean safe = c == ' ' && i + 1 < line.length() && line.charAt(i + 1) != '#'
                        && line.charAt(i + 1) != ' ' && line.charAt(i - 1) != escape;
                if (safe && r.nextInt(5) == 0) {
                    out.append(escape).append(r.nextBoolean() ? " \n" : "\n");
                    if (r.nextInt(3) == 0) {
                        out.append("  # inside\n");
                    }
                    if (r.nextInt(5) == 0) {
                        out.append("\n");
                    }
                    out.append(pick("", "  ", "\t"));
                }
            }
            return out.toString();
        }

        private String[] heredoc() {
            if (r.nextInt(3) != 0) {
                return new String[] {"", ""};
            }
            String delim = pick("EOF", "END", "x.txt");
            String opener = pick("<<", "<<-", "3<<") + pick(delim, "'" + delim + "'", "\"" + delim + "\"");
            String body = pick("", "echo hi\n", "\tindented $X\n# not a comment\n", "line \\\n");
            String end = opener.contains("-") && r.nextBoolean() ? "\t" + delim : delim;
            return new String[] {opener + " ", body + end + "\n"};
        }

        private String flags(String... options) {
            StringBuilder f = new StringBuilder();
            for (String o : options) {
                if (r.nextInt(3) == 0) {
                    f.append(' ').append(o);
                }
            }
            return f.toString();
        }

        private String shell() {
            StringBuilder s = new StringBuilder("echo");
            int n = r.nextInt(5);
            for (int i = 0; i < n; i++) {
                s.append(' ').append(WORDS[r.nextInt(WORDS.length)]);
            }
            return s.toString();
        }

        private String json() {
            StringBuilder s = new StringBuilder("[");
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                s.append(i > 0 ? ", " : "").append(pick("\"sh\"", "\"-c\"", "\"a b\"", "\"\\u00e9\\n\"", "\"\\\\\""));
            }
            return s.append(']').toString();
        }

        private String pairs() {
            StringBuilder s = new StringBuilder();
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                s.append(i > 0 ? " " : "").append(pick("k", "\"a.b\"", "K_2")).append('=')
                        .append(pick("v", "\"x y\"", "'s q'", "", "a" + escape + " b"));
            }
            return s.toString();
        }

        private String kw(String keyword) {
            return switch (r.nextInt(3)) {
                case 0 -> keyword;
                case 1 -> keyword.toLowerCase(java.util.Locale.ROOT);
                default -> keyword.charAt(0) + keyword.substring(1).toLowerCase(java.util.Locale.ROOT);
            };
        }

        private String pick(String... options) {
            return options[r.nextInt(options.length)];
        }
    }
}
