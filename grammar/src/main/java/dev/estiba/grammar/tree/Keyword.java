package dev.estiba.grammar.tree;

import java.util.Locale;
import java.util.Optional;

/** The 18 Dockerfile instructions. Keywords are case-insensitive in the source. */
public enum Keyword {
    ADD, ARG, CMD, COPY, ENTRYPOINT, ENV, EXPOSE, FROM, HEALTHCHECK, LABEL, MAINTAINER, ONBUILD, RUN, SHELL,
    STOPSIGNAL, USER, VOLUME, WORKDIR;

    /** The keyword a word names, in any case; empty for an unknown word. */
    public static Optional<Keyword> of(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        for (Keyword k : values()) {
            if (k.name().equals(upper)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** True for the instructions whose shell (non-JSON) form may open heredocs: RUN, COPY, ADD. */
    public boolean acceptsHeredocs() {
        return this == RUN || this == COPY || this == ADD;
    }
}
