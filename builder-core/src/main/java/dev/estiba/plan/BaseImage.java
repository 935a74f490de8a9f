package dev.estiba.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is known about a base image's config that the plan needs: its environment (in scope for
 * expansion, as in {@code ENV PATH=$PATH:/x}).
 *
 * @param reference the reference as resolved
 * @param env the image's ENV, in order
 */
public record BaseImage(String reference, Map<String, String> env) {
    public BaseImage {
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }
}
