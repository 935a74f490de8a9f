package dev.estiba.format.dockerarchive;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One element of a docker-save {@code manifest.json}: the config path, the tags, and the layer paths (legacy
 * {@code ID/layer.tar} or, since Docker 25, {@code blobs/sha256/HEX}). Other fields such as
 * {@code LayerSources} are kept.
 */
@JsonPropertyOrder({"Config", "RepoTags", "Layers"})
public record SaveManifestEntry(
    @JsonProperty("Config") String config,
    @JsonProperty("RepoTags") List<String> repoTags,
    @JsonProperty("Layers") List<String> layers,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public SaveManifestEntry {
        repoTags = repoTags == null ? List.of() : List.copyOf(repoTags);
        layers = layers == null ? List.of() : List.copyOf(layers);
        extra = extra == null ? java.util.Collections.emptySortedMap()
            : java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(extra));
    }
}
