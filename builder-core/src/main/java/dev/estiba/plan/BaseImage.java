package dev.estiba.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is known about a base image's config that the plan needs: its environment (in scope for
 * expansion, as in {@code ENV PATH=$PATH:/x}) and its ONBUILD triggers (run right after FROM).
 *
 * @param reference the reference as resolved
 * @param env the image's ENV, in order
 * @param onBuild the config's {@code OnBuild} triggers, each an instruction as text
 */
public record BaseImage(String reference, Map<String, String> env, java.util.List<String> onBuild) {
    public BaseImage {
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        onBuild = java.util.List.copyOf(onBuild);
    }

    /** An image with this environment and no triggers. */
    public BaseImage(String reference, Map<String, String> env) {
        this(reference, env, java.util.List.of());
    }
}
