package dev.estiba.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a plan is made for, as {@code docker build} takes it.
 *
 * @param buildArgs {@code --build-arg} values, in order
 * @param target {@code --target}: the stage to build (default: the last)
 * @param targetPlatform {@code --platform} (default: the build platform)
 * @param buildPlatform the platform of the machine that builds
 * @param baseImages what is known about base images
 */
public record PlanOptions(Map<String, String> buildArgs, Optional<String> target, Platform targetPlatform,
                          Platform buildPlatform, BaseImages baseImages) {
    public PlanOptions {
        buildArgs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(buildArgs));
        Objects.requireNonNull(target);
        Objects.requireNonNull(targetPlatform);
        Objects.requireNonNull(buildPlatform);
        Objects.requireNonNull(baseImages);
    }

    /** No build args, the last stage, the host platform, no base image facts. */
    public static PlanOptions defaults() {
        Platform host = Platform.host();
        return new PlanOptions(Map.of(), Optional.empty(), host, host, BaseImages.UNKNOWN);
    }

    public PlanOptions withBuildArgs(Map<String, String> args) {
        return new PlanOptions(args, target, targetPlatform, buildPlatform, baseImages);
    }

    public PlanOptions withTarget(String stage) {
        return new PlanOptions(buildArgs, Optional.of(stage), targetPlatform, buildPlatform, baseImages);
    }

    public PlanOptions withTargetPlatform(Platform platform) {
        return new PlanOptions(buildArgs, target, platform, buildPlatform, baseImages);
    }

    public PlanOptions withBaseImages(BaseImages images) {
        return new PlanOptions(buildArgs, target, targetPlatform, buildPlatform, images);
    }
}
