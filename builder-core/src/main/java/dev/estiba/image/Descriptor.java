package dev.estiba.image;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A reference to content: its media type, digest and size, with optional annotations and platform. */
@JsonPropertyOrder({"mediaType", "digest", "size", "urls", "annotations", "data", "platform", "artifactType"})
public record Descriptor(
    @JsonProperty("mediaType") String mediaType,
    @JsonProperty("digest") Digest digest,
    @JsonProperty("size") long size,
    @JsonProperty("urls") List<String> urls,
    @JsonProperty("annotations") Map<String, String> annotations,
    @JsonProperty("data") String data,
    @JsonProperty("platform") Platform platform,
    @JsonProperty("artifactType") String artifactType,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    /** The annotation naming a tag in an OCI layout's index.json. */
    public static final String REF_NAME = "org.opencontainers.image.ref.name";

    public Descriptor {
        if (digest == null) {
            throw new IllegalArgumentException("descriptor has no digest");
        }
        if (size < 0) {
            throw new IllegalArgumentException("descriptor " + digest + ": negative size " + size);
        }
        urls = ImageJson.copy(urls);
        annotations = ImageJson.copy(annotations);
        extra = ImageJson.extra(extra);
    }

    public Descriptor(String mediaType, Digest digest, long size) {
        this(mediaType, digest, size, null, null, null, null, null, null);
    }

    public Descriptor withAnnotations(Map<String, String> newAnnotations) {
        return new Descriptor(mediaType, digest, size, urls,
            newAnnotations == null || newAnnotations.isEmpty() ? null : newAnnotations,
            data, platform, artifactType, extra);
    }

    public Descriptor withPlatform(Platform newPlatform) {
        return new Descriptor(mediaType, digest, size, urls, annotations, data, newPlatform, artifactType, extra);
    }

    public Descriptor withMediaType(String newMediaType) {
        return new Descriptor(newMediaType, digest, size, urls, annotations, data, platform, artifactType, extra);
    }

    /** The value of an annotation, or null. */
    public String annotation(String key) {
        return annotations == null ? null : annotations.get(key);
    }
}
