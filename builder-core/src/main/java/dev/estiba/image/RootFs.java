package dev.estiba.image;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The config's {@code rootfs}: type {@code layers} and the diff ids (digests of uncompressed layers) in order. */
@JsonPropertyOrder({"type", "diff_ids"})
public record RootFs(
    @JsonProperty("type") String type,
    @JsonProperty("diff_ids") List<Digest> diffIds,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public RootFs {
        diffIds = diffIds == null ? List.of() : List.copyOf(diffIds);
        extra = ImageJson.extra(extra);
    }

    public static RootFs layers(List<Digest> diffIds) {
        return new RootFs("layers", diffIds, null);
    }
}
