package dev.estiba.plan;

import java.util.Optional;
import java.util.Set;

/**
 * What a stage starts from.
 *
 * @param kind an image, {@code scratch}, or an earlier stage
 * @param reference the FROM image after expansion with the global ARGs
 * @param stage the index of the base stage, for {@link Kind#STAGE}
 * @param platform the FROM {@code --platform} after expansion, if given
 * @param envKnown false when the base image's ENV is not known (the plan then only has BuildKit's
 *     default PATH from it)
 * @param unset global ARG names the FROM line referenced that had no value
 */
public record Base(Kind kind, String reference, Optional<Integer> stage, Optional<String> platform,
                   boolean envKnown, Set<String> unset) {
    /** The kinds of base. */
    public enum Kind { IMAGE, SCRATCH, STAGE }
}
