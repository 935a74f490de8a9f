package dev.estiba.grammar.tree;

import java.util.List;
import java.util.Optional;

/**
 * One instruction: a logical line (physical lines joined at continuations, comment lines dropped) and the heredoc
 * bodies that follow it.
 *
 * @param keyword the instruction
 * @param keywordText the keyword exactly as written (e.g. {@code Run})
 * @param keywordRange the keyword
 * @param flags the {@code --flags} before the arguments, in order
 * @param arguments the arguments, shaped per instruction
 * @param heredocs the heredocs the line opens, in order (RUN, COPY and ADD in shell form only)
 * @param comments the comment lines inside the continued instruction, in order
 * @param line the logical line: physical lines joined, comment and empty continuation lines dropped, trimmed
 * @param original the source text from the keyword to the end of the last line the instruction consumed (its
 *     continuation lines, the comment lines among them, and any heredoc bodies with their terminators)
 * @param range the whole instruction, heredoc bodies included
 */
public record Instruction(
        Keyword keyword,
        String keywordText,
        SourceRange keywordRange,
        List<Flag> flags,
        Arguments arguments,
        List<Heredoc> heredocs,
        List<Comment> comments,
        String line,
        String original,
        SourceRange range) implements Node {
    public Instruction {
        flags = List.copyOf(flags);
        heredocs = List.copyOf(heredocs);
        comments = List.copyOf(comments);
    }

    /** The flags with this name (without {@code --}), in order. */
    public List<Flag> flags(String name) {
        return flags.stream().filter(f -> f.name().equals(name)).toList();
    }

    /** The first flag with this name (without {@code --}), if any. */
    public Optional<Flag> flag(String name) {
        return flags.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** True when the arguments are a JSON array (for HEALTHCHECK: its command). */
    public boolean isExecForm() {
        return arguments instanceof ExecForm
                || arguments instanceof HealthcheckArguments h && h.command() instanceof ExecForm;
    }
}
