package dev.estiba.image;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Docker's HEALTHCHECK: the test command ({@code ["NONE"]}, {@code ["CMD", ...]} or {@code ["CMD-SHELL", cmd]})
 * and its timings in nanoseconds (0 or null: inherit the default).
 */
@JsonPropertyOrder({"Test", "Interval", "Timeout", "StartPeriod", "StartInterval", "Retries"})
public record Healthcheck(
    @JsonProperty("Test") List<String> test,
    @JsonProperty("Interval") Long interval,
    @JsonProperty("Timeout") Long timeout,
    @JsonProperty("StartPeriod") Long startPeriod,
    @JsonProperty("StartInterval") Long startInterval,
    @JsonProperty("Retries") Integer retries,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public Healthcheck {
        test = ImageJson.copy(test);
        extra = ImageJson.extra(extra);
    }
}
