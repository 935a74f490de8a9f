package dev.estiba.instructions;

import dev.estiba.grammar.tree.Keyword;
import java.util.List;
import java.util.Optional;

/**
 * {@code ADD [--chown] [--chmod] [--link] [--keep-git-dir] [--checksum=D] [--unpack] [--exclude]... src... dest}.
 *
 * @param sources local paths, URLs or Git references (heredoc sources are in {@code inlineFiles})
 * @param destination the destination path
 * @param chown the owner
 * @param chmod the mode as written
 * @param link {@code --link}
 * @param keepGitDir {@code --keep-git-dir}
 * @param checksum {@code --checksum}
 * @param unpack {@code --unpack}, when given
 * @param excludes the {@code --exclude} patterns
 * @param inlineFiles the heredocs used as sources
 * @param origin where it came from
 */
public record AddInstruction(List<String> sources, String destination, Optional<String> chown,
                             Optional<String> chmod, boolean link, boolean keepGitDir, Optional<String> checksum,
                             Optional<Boolean> unpack, List<String> excludes, List<InlineFile> inlineFiles, Origin origin)
        implements Instruction {
    public AddInstruction {
        sources = List.copyOf(sources);
        excludes = List.copyOf(excludes);
        inlineFiles = List.copyOf(inlineFiles);
    }

    @Override
    public Keyword keyword() {
        return Keyword.ADD;
    }

    @Override
    public AddInstruction expand(Expander expander) {
        Expansions x = new Expansions(origin, expander);
        Optional<String> mode = x.word(chmod);
        mode.ifPresent(m -> x.check(() -> FileMode.parse(m)));
        return new AddInstruction(x.each(sources), x.word(destination), x.word(chown), mode, link, keepGitDir,
            x.word(checksum), unpack, x.each(excludes), x.inline(inlineFiles), origin);
    }
}
