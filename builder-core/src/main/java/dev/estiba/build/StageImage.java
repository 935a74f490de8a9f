package dev.estiba.build;

import dev.estiba.image.Descriptor;
import dev.estiba.image.ImageConfig;
import java.util.List;

/**
 * A stage's image so far: its config (with diff ids and history), its layers (blobs in the store) and the
 * cache key of its last step.
 *
 * @param config the config
 * @param layers the layer descriptors, OCI media types
 * @param key the cache key chain's current value
 */
record StageImage(ImageConfig config, List<Descriptor> layers, String key) {
    StageImage {
        layers = List.copyOf(layers);
    }
}
