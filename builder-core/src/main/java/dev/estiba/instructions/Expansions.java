package dev.estiba.instructions;

import dev.estiba.expand.ExpansionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs an {@link Expander} over an instruction's parts, reporting failures at its line. */
final class Expansions {
    private final Origin origin;
    private final Expander expander;

    Expansions(Origin origin, Expander expander) {
        this.origin = origin;
        this.expander = expander;
    }

    String word(String text) {
        try {
            return expander.word(text);
        } catch (ExpansionException e) {
            throw new InstructionException(origin, e.getMessage(), e);
        }
    }

    Optional<String> word(Optional<String> text) {
        return text.map(this::word);
    }

    List<String> each(List<String> texts) {
        List<String> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(word(t));
        }
        return out;
    }

    List<InlineFile> inline(List<InlineFile> files) {
        List<InlineFile> out = new ArrayList<>(files.size());
        for (InlineFile f : files) {
            if (!f.expand()) {
                out.add(f);
                continue;
            }
            try {
                out.add(new InlineFile(f.name(), expander.raw(f.content()), true));
            } catch (ExpansionException e) {
                throw new InstructionException(origin, e.getMessage(), e);
            }
        }
        return out;
    }

    List<String> words(String text) {
        try {
            return expander.words(text);
        } catch (ExpansionException e) {
            throw new InstructionException(origin, e.getMessage(), e);
        }
    }

    /** Checks a value after expansion; the check's message becomes the error at this line. */
    <T> T check(java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new InstructionException(origin, e.getMessage(), e);
        }
    }
}
