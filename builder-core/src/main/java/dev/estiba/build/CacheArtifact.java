package dev.estiba.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import dev.estiba.image.ImageManifest;
import dev.estiba.image.JsonBlob;
import dev.estiba.image.MediaTypes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The build cache as a registry artifact (docs/cache-remote.md): an OCI image manifest whose
 * {@code artifactType} is {@value #ARTIFACT_TYPE}, whose config ({@value #CONFIG_TYPE}) maps step keys to their
 * results, and whose layers are the cached layer blobs, each once. A result is the step's layer (descriptor and
 * diff id) or "empty" for a step that changed no file; the config change of a step is not stored, since it
 * follows from the instruction alone.
 *
 * @param steps the results by key, sorted so the same steps always give the same bytes
 */
record CacheArtifact(SortedMap<String, StepCache.Hit> steps) {
    static final String ARTIFACT_TYPE = "application/vnd.estiba.cache.v1+json";
    static final String CONFIG_TYPE = "application/vnd.estiba.cache.config.v1+json";
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    CacheArtifact {
        steps = new TreeMap<>(steps);
    }

    /**
     * The config blob:
     * {@code {"version":1,"steps":[{"key":K,"layer":DESCRIPTOR,"diffId":D} | {"key":K,"empty":true}, ...]}}.
     */
    byte[] config() {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ArrayNode list = root.putArray("steps");
        steps.forEach((key, hit) -> {
            ObjectNode n = list.addObject();
            n.put("key", key);
            if (hit.layer() == null) {
                n.put("empty", true);
            } else {
                ObjectNode l = n.putObject("layer");
                l.put("mediaType", hit.layer().mediaType());
                l.put("digest", hit.layer().digest().toString());
                l.put("size", hit.layer().size());
                n.put("diffId", hit.diffId().toString());
            }
        });
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The layers the steps name, each once, in key order. */
    List<Descriptor> layers() {
        Map<Digest, Descriptor> out = new LinkedHashMap<>();
        for (StepCache.Hit h : steps.values()) {
            if (h.layer() != null) {
                out.putIfAbsent(h.layer().digest(), h.layer());
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The manifest over a config blob of {@link #config()}'s bytes. */
    JsonBlob<ImageManifest> manifest(byte[] config) {
        Descriptor c = new Descriptor(CONFIG_TYPE, Digest.sha256(config), config.length);
        return JsonBlob.of(new ImageManifest(2, MediaTypes.OCI_MANIFEST, ARTIFACT_TYPE, c, layers(), null, null, null));
    }

    /** Whether a manifest is an estiba cache artifact (its artifactType or, failing that, its config type). */
    static boolean isCache(ImageManifest m) {
        return ARTIFACT_TYPE.equals(m.artifactType()) || CONFIG_TYPE.equals(m.config().mediaType());
    }

    /**
     * Reads a config blob; a step whose layer the manifest does not carry is left out, so a hit always has its
     * blob in the artifact.
     *
     * @throws IllegalArgumentException when the config is not version 1 of this format
     */
    static CacheArtifact parse(byte[] config, ImageManifest manifest, String what) {
        JsonNode root;
        try {
            root = JSON.readTree(config);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + ": the cache config is not JSON: " + e.getMessage(), e);
        }
        if (root == null || root.path("version").asInt() != VERSION || !root.path("steps").isArray()) {
            throw new IllegalArgumentException(what + ": not a version " + VERSION + " estiba cache config");
        }
        Map<Digest, Descriptor> carried = new LinkedHashMap<>();
        manifest.layers().forEach(d -> carried.put(d.digest(), d));
        SortedMap<String, StepCache.Hit> steps = new TreeMap<>();
        try {
            for (JsonNode n : root.path("steps")) {
                String key = n.path("key").asText();
                if (n.path("empty").asBoolean(false)) {
                    steps.put(key, new StepCache.Hit(null, null));
                    continue;
                }
                Descriptor layer = carried.get(Digest.parse(n.path("layer").path("digest").asText()));
                if (layer != null) {
                    steps.put(key, new StepCache.Hit(layer, Digest.parse(n.path("diffId").asText())));
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + ": bad cache config: " + e.getMessage(), e);
        }
        return new CacheArtifact(steps);
    }
}
