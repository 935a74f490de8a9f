package dev.estiba.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;

/**
 * A manifest document: an image manifest (OCI or Docker v2.2) or an index (OCI index or Docker manifest list).
 * The two formats share one shape each; {@link #mediaType()} tells them apart.
 */
public sealed interface Manifest permits ImageManifest, ImageIndex {

    int schemaVersion();

    /** The declared media type; may be null in an OCI document that omits it. */
    String mediaType();

    Map<String, String> annotations();

    /** The media type to use for a descriptor of this document (the declared one, else the OCI default). */
    String effectiveMediaType();

    /** Whether this is a Docker manifest or manifest list. */
    default boolean isDocker() {
        return MediaTypes.isDocker(mediaType());
    }

    /**
     * Reads a manifest or an index, deciding which by its media type (or, when absent, by whether it has
     * {@code manifests} or {@code layers}).
     */
    static Manifest parse(byte[] json, String what) {
        JsonNode tree;
        try {
            tree = ImageJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidImageJsonException(what + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidImageJsonException(what + ": " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidImageJsonException(what + ": expected a JSON object");
        }
        JsonNode type = tree.get("mediaType");
        String mediaType = type == null || !type.isTextual() ? null : type.asText();
        boolean index;
        if (MediaTypes.isIndex(mediaType)) {
            index = true;
        } else if (MediaTypes.isManifest(mediaType)) {
            index = false;
        } else if (mediaType == null) {
            index = tree.has("manifests") && !tree.has("layers");
        } else {
            throw new InvalidImageJsonException(what + ": unsupported manifest media type \"" + mediaType + "\"");
        }
        return index ? ImageJson.read(json, ImageIndex.class, what) : ImageJson.read(json, ImageManifest.class, what);
    }
}
