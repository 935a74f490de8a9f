package dev.estiba.image;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The platform of an index entry: {@code linux/arm64/v8} and its OS details. */
@JsonPropertyOrder({"architecture", "os", "os.version", "os.features", "variant", "features"})
public record Platform(
    @JsonProperty("architecture") String architecture,
    @JsonProperty("os") String os,
    @JsonProperty("os.version") String osVersion,
    @JsonProperty("os.features") List<String> osFeatures,
    @JsonProperty("variant") String variant,
    @JsonProperty("features") List<String> features,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public Platform {
        osFeatures = ImageJson.copy(osFeatures);
        features = ImageJson.copy(features);
        extra = ImageJson.extra(extra);
    }

    public Platform(String os, String architecture, String variant) {
        this(architecture, os, null, null, variant, null, null);
    }

    /** Parses {@code os/arch[/variant]}. */
    public static Platform parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length < 2 || parts.length > 3 || List.of(parts).contains("")) {
            throw new IllegalArgumentException("invalid platform \"" + text + "\": expected os/arch[/variant]");
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /** {@code os/arch[/variant]}. */
    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
