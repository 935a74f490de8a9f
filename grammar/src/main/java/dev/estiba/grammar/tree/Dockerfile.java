package dev.estiba.grammar.tree;

import java.util.List;
import java.util.Optional;

/**
 * A parsed Dockerfile: the root of the syntax tree.
 *
 * @param sourceName the name the file was parsed under (a path, or {@code -} for standard input)
 * @param directives the parser directives of the leading block, in order
 * @param instructions the top-level instructions, in order (at least one)
 * @param comments every comment line in source order, those inside continued instructions included
 * @param escape the escape character: {@code \} or, after {@code # escape=`}, the backtick
 * @param emptyContinuationLines the blank lines met inside continued instructions (BuildKit warns about them)
 * @param range from the first instruction's start to the last one's end
 */
public record Dockerfile(
        String sourceName,
        List<Directive> directives,
        List<Instruction> instructions,
        List<Comment> comments,
        char escape,
        List<Position> emptyContinuationLines,
        SourceRange range) {
    public Dockerfile {
        directives = List.copyOf(directives);
        instructions = List.copyOf(instructions);
        comments = List.copyOf(comments);
        emptyContinuationLines = List.copyOf(emptyContinuationLines);
    }

    /** The directive with this (lower-case) name, if present. */
    public Optional<Directive> directive(String name) {
        return directives.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
