package dev.estiba.image;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** An image manifest: the config and the layers, in OCI or Docker v2.2 form (same shape). */
@JsonPropertyOrder({"schemaVersion", "mediaType", "artifactType", "config", "layers", "subject", "annotations"})
public record ImageManifest(
    @JsonProperty("schemaVersion") int schemaVersion,
    @JsonProperty("mediaType") String mediaType,
    @JsonProperty("artifactType") String artifactType,
    @JsonProperty("config") Descriptor config,
    @JsonProperty("layers") List<Descriptor> layers,
    @JsonProperty("subject") Descriptor subject,
    @JsonProperty("annotations") Map<String, String> annotations,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements Manifest {

    public ImageManifest {
        if (schemaVersion != 2) {
            throw new IllegalArgumentException("unsupported manifest schemaVersion " + schemaVersion + " (expected 2)");
        }
        if (config == null) {
            throw new IllegalArgumentException("manifest has no config");
        }
        layers = layers == null ? List.of() : List.copyOf(layers);
        annotations = ImageJson.copy(annotations);
        extra = ImageJson.extra(extra);
    }

    /** An OCI image manifest. */
    public static ImageManifest oci(Descriptor config, List<Descriptor> layers) {
        return new ImageManifest(2, MediaTypes.OCI_MANIFEST, null, config, layers, null, null, null);
    }

    /** A Docker v2.2 image manifest. */
    public static ImageManifest docker(Descriptor config, List<Descriptor> layers) {
        return new ImageManifest(2, MediaTypes.DOCKER_MANIFEST, null, config, layers, null, null, null);
    }

    /** Reads a manifest, keeping unknown properties. */
    public static ImageManifest parse(byte[] json, String what) {
        if (Manifest.parse(json, what) instanceof ImageManifest m) {
            return m;
        }
        throw new InvalidImageJsonException(what + ": expected an image manifest, found an index");
    }

    @Override
    public String effectiveMediaType() {
        return mediaType == null ? MediaTypes.OCI_MANIFEST : mediaType;
    }

    public ImageManifest withLayers(List<Descriptor> newLayers) {
        return new ImageManifest(schemaVersion, mediaType, artifactType, config, newLayers, subject, annotations, extra);
    }

    public ImageManifest withConfig(Descriptor newConfig) {
        return new ImageManifest(schemaVersion, mediaType, artifactType, newConfig, layers, subject, annotations, extra);
    }

    public ImageManifest withAnnotations(Map<String, String> newAnnotations) {
        return new ImageManifest(schemaVersion, mediaType, artifactType, config, layers, subject,
            newAnnotations == null || newAnnotations.isEmpty() ? null : newAnnotations, extra);
    }
}
