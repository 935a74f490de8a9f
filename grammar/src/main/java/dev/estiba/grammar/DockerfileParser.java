package dev.estiba.grammar;

import dev.estiba.grammar.tree.Dockerfile;
import dev.estiba.grammar.tree.Heredoc;
import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.OnbuildTrigger;
import dev.estiba.grammar.tree.Position;
import dev.estiba.grammar.tree.SourceRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses Dockerfiles into a {@link Dockerfile} syntax tree, as BuildKit's parser reads them, and refusing unknown
 * instructions at once. Parsing is linear in the input: a hand-written pass joins physical lines into logical lines
 * ({@link LogicalLineReader}), and the ANTLR grammar reads each logical line ({@link InstructionReader}).
 *
 * <p>Every method throws {@link DockerfileParseException} for input that is not a Dockerfile, and nothing else for
 * any input (an {@link IOException} only when reading fails).
 */
public final class DockerfileParser {
    private static final char BOM = '\uFEFF';

    private DockerfileParser() {
    }

    /** Parses Dockerfile text. {@code name} is used in error messages and kept in the tree. */
    public static Dockerfile parse(String name, String text) {
        String src = !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        return new DockerfileParser.Run(name, src).parse();
    }

    /** Parses the characters of {@code reader} (which is not closed). */
    public static Dockerfile parse(String name, Reader reader) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        for (int n; (n = reader.read(buf)) > 0; ) {
            sb.append(buf, 0, n);
        }
        return parse(name, sb.toString());
    }

    /** Parses UTF-8 bytes; bytes that are not valid UTF-8 are kept (see {@link SourceDecoder}). */
    public static Dockerfile parse(String name, byte[] utf8) {
        return parse(name, SourceDecoder.decode(utf8));
    }

    /** Parses the bytes of {@code in} (which is not closed) as UTF-8. */
    public static Dockerfile parse(String name, InputStream in) throws IOException {
        return parse(name, in.readAllBytes());
    }

    /** Parses a file as UTF-8; the tree's source name is the path as given. */
    public static Dockerfile parse(Path file) throws IOException {
        return parse(file.toString(), Files.readAllBytes(file));
    }

    /** One parse: the pre-pass and the instruction reader over one source. */
    private static final class Run {
        private final String name;
        private final String src;
        private final LogicalLineReader lines;
        private final InstructionReader reader;

        Run(String name, String src) {
            this.name = name;
            this.src = src;
            this.lines = new LogicalLineReader(name, src);
            this.reader = new InstructionReader(name, src);
        }

        Dockerfile parse() {
            List<Instruction> instructions = new ArrayList<>();
            for (LogicalLine ll; (ll = lines.next()) != null; ) {
                instructions.add(instruction(ll));
            }
            if (instructions.isEmpty()) {
                int line = Math.max(1, lines.lineNumber());
                throw new DockerfileParseException(name, line, 1, "file with no instructions",
                        SourceLines.lineAt(src, src.length()));
            }
            SourceRange range = new SourceRange(instructions.get(0).range().start(),
                    instructions.get(instructions.size() - 1).range().end());
            return new Dockerfile(name, lines.directives, instructions, lines.comments, lines.escape(),
                    lines.emptyContinuationLines, range);
        }

        private Instruction instruction(LogicalLine ll) {
            String text = ll.text();
            int from = GoText.skipSpace(text, 0, text.length());
            int to = GoText.trimEnd(text, from, text.length());
            if (from == to) {
                // Only continuation characters and blanks: BuildKit makes an instruction with an empty keyword.
                throw error(ll.at(0), "instruction expected after the line continuation");
            }
            Instruction in = reader.read(ll, text, from, to, lines.escape(), false);
            Instruction target = in.arguments() instanceof OnbuildTrigger t ? t.trigger() : in;
            List<Heredoc> heredocs = List.of();
            if (target.keyword().acceptsHeredocs() && !target.isExecForm() && text.indexOf("<<", from) >= 0) {
                heredocs = heredocs(ll, text, from, to);
            }
            Position end = new Position(ll.endLine, ll.sourceEnd - ll.endLineStart + 1, ll.sourceEnd);
            String logical = text.substring(from, to);
            String original = src.substring(ll.sourceStart, ll.sourceEnd);
            var arguments = in.arguments();
            if (arguments instanceof OnbuildTrigger t && !heredocs.isEmpty()) {
                // The bodies belong to the nested instruction too, so that the trigger alone is complete.
                Instruction nested = withHeredocs(t.trigger(), heredocs);
                arguments = new OnbuildTrigger(nested, t.text(), t.range());
            }
            return new Instruction(in.keyword(), in.keywordText(), in.keywordRange(), in.flags(), arguments,
                    heredocs, ll.comments, logical, original, new SourceRange(ll.at(from), end));
        }

        private static Instruction withHeredocs(Instruction in, List<Heredoc> heredocs) {
            return new Instruction(in.keyword(), in.keywordText(), in.keywordRange(), in.flags(), in.arguments(),
                    heredocs, in.comments(), in.line(), in.original(), in.range());
        }

        private List<Heredoc> heredocs(LogicalLine ll, String text, int from, int to) {
            List<HeredocWords.Opener> openers;
            try {
                openers = HeredocWords.find(text, from, to);
            } catch (HeredocWords.BadDelimiter e) {
                throw error(ll.at(e.at), e.getMessage());
            }
            List<Heredoc> heredocs = new ArrayList<>(openers.size());
            for (HeredocWords.Opener o : openers) {
                int bodyStart = lines.nextLineStart();
                Position bodyStartPos = new Position(ll.endLine + 1, 1, bodyStart);
                String body = lines.heredocBody(ll, o.delimiter(), o.stripTabs());
                Position at = ll.at(o.start());
                if (body == null) {
                    throw error(at, "unterminated heredoc: " + o.delimiter() + " (opened by " + o.word()
                            + " on line " + at.line() + ")");
                }
                Position bodyEnd = new Position(ll.endLine, ll.sourceEnd - ll.endLineStart + 1, ll.sourceEnd);
                heredocs.add(new Heredoc(o.delimiter(), o.quoted(), o.stripTabs(), o.fileDescriptor(), o.word(),
                        body, ll.range(o.start(), o.end()), new SourceRange(bodyStartPos, bodyEnd)));
            }
            return heredocs;
        }

        private DockerfileParseException error(Position p, String message) {
            return new DockerfileParseException(name, p.line(), p.column(), message,
                    SourceLines.lineAt(src, p.offset()));
        }
    }
}
