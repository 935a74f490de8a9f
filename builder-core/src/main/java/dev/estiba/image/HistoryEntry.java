package dev.estiba.image;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** One row of an image's history; {@code emptyLayer} rows made no layer. */
@JsonPropertyOrder({"created", "created_by", "author", "comment", "empty_layer"})
public record HistoryEntry(
    @JsonProperty("created") String created,
    @JsonProperty("created_by") String createdBy,
    @JsonProperty("author") String author,
    @JsonProperty("comment") String comment,
    @JsonProperty("empty_layer") Boolean emptyLayer,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public HistoryEntry {
        extra = ImageJson.extra(extra);
    }

    public HistoryEntry(String created, String createdBy, boolean emptyLayer) {
        this(created, createdBy, null, null, emptyLayer ? Boolean.TRUE : null, null);
    }

    /** Whether this row has a layer of its own. */
    public boolean hasLayer() {
        return !Boolean.TRUE.equals(emptyLayer);
    }
}
