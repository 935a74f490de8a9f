package dev.estiba.plan;

import java.util.Optional;

/**
 * Looks up what is known about a base image without pulling it. The build engine supplies one
 * backed by its store; planning alone uses {@link #UNKNOWN} and says so in the plan.
 */
@FunctionalInterface
public interface BaseImages {
    /** Knows no image: every base image's ENV is unknown. */
    BaseImages UNKNOWN = (reference, platform) -> Optional.empty();

    /** The image's facts for this platform, when known. */
    Optional<BaseImage> lookup(String reference, Platform platform);
}
