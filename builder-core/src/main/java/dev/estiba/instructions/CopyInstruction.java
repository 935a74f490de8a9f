package dev.estiba.instructions;

import dev.estiba.grammar.tree.Keyword;
import java.util.List;
import java.util.Optional;

/**
 * {@code COPY [--from=S] [--chown=U[:G]] [--chmod=M] [--link] [--parents] [--exclude=P]... src... dest}.
 *
 * @param sources the source paths (heredoc sources are in {@code inlineFiles})
 * @param destination the destination path
 * @param from the stage name, stage index, named context or image to copy from
 * @param chown the owner
 * @param chmod the mode as written (checked with {@link FileMode} once expanded)
 * @param link {@code --link}
 * @param parents {@code --parents}
 * @param excludes the {@code --exclude} patterns
 * @param inlineFiles the heredocs used as sources
 * @param origin where it came from
 */
public record CopyInstruction(List<String> sources, String destination, Optional<String> from,
                              Optional<String> chown, Optional<String> chmod, boolean link, boolean parents,
                              List<String> excludes, List<InlineFile> inlineFiles, Origin origin) implements Instruction {
    public CopyInstruction {
        sources = List.copyOf(sources);
        excludes = List.copyOf(excludes);
        inlineFiles = List.copyOf(inlineFiles);
    }

    @Override
    public Keyword keyword() {
        return Keyword.COPY;
    }

    /** The mode, parsed. */
    public Optional<FileMode> mode() {
        return chmod.map(FileMode::parse);
    }

    @Override
    public CopyInstruction expand(Expander expander) {
        Expansions x = new Expansions(origin, expander);
        Optional<String> mode = x.word(chmod);
        mode.ifPresent(m -> x.check(() -> FileMode.parse(m)));
        return new CopyInstruction(x.each(sources), x.word(destination), x.word(from), x.word(chown), mode, link,
            parents, x.each(excludes), x.inline(inlineFiles), origin);
    }
}
