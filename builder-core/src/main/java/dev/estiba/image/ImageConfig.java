package dev.estiba.image;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The image config blob: platform, creation data, execution parameters, the diff ids of its layers and its
 * history. Properties this model does not know (Docker's {@code container_config}, {@code docker_version}, ...)
 * are kept in {@link #extra()} and written back.
 */
@JsonPropertyOrder({"created", "author", "architecture", "os", "os.version", "os.features", "variant",
    "config", "rootfs", "history"})
public record ImageConfig(
    @JsonProperty("created") String created,
    @JsonProperty("author") String author,
    @JsonProperty("architecture") String architecture,
    @JsonProperty("os") String os,
    @JsonProperty("os.version") String osVersion,
    @JsonProperty("os.features") List<String> osFeatures,
    @JsonProperty("variant") String variant,
    @JsonProperty("config") ExecutionConfig config,
    @JsonProperty("rootfs") RootFs rootfs,
    @JsonProperty("history") List<HistoryEntry> history,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public ImageConfig {
        osFeatures = ImageJson.copy(osFeatures);
        rootfs = rootfs == null ? RootFs.layers(List.of()) : rootfs;
        history = ImageJson.copy(history);
        extra = ImageJson.extra(extra);
    }

    /** An empty image for a platform: no layers, no history, no parameters. */
    public static ImageConfig empty(Platform platform) {
        return new ImageConfig(null, null, platform.architecture(), platform.os(), platform.osVersion(),
            platform.osFeatures(), platform.variant(), null, RootFs.layers(List.of()), null, null);
    }

    /** Reads a config blob, keeping unknown properties. */
    public static ImageConfig parse(byte[] json, String what) {
        return ImageJson.read(json, ImageConfig.class, what);
    }

    /** The platform this config declares. */
    public Platform platform() {
        return new Platform(architecture, os, osVersion, osFeatures, variant, null, null);
    }

    /** The execution parameters, {@link ExecutionConfig#EMPTY} when absent. */
    public ExecutionConfig executionConfig() {
        return config == null ? ExecutionConfig.EMPTY : config;
    }

    public ImageConfig withConfig(ExecutionConfig value) {
        return new ImageConfig(created, author, architecture, os, osVersion, osFeatures, variant, value,
            rootfs, history, extra);
    }

    public ImageConfig withCreated(String value) {
        return new ImageConfig(value, author, architecture, os, osVersion, osFeatures, variant, config,
            rootfs, history, extra);
    }

    public ImageConfig withAuthor(String value) {
        return new ImageConfig(created, value, architecture, os, osVersion, osFeatures, variant, config,
            rootfs, history, extra);
    }

    public ImageConfig withRootfs(RootFs value) {
        return new ImageConfig(created, author, architecture, os, osVersion, osFeatures, variant, config,
            value, history, extra);
    }

    public ImageConfig withHistory(List<HistoryEntry> value) {
        return new ImageConfig(created, author, architecture, os, osVersion, osFeatures, variant, config,
            rootfs, value, extra);
    }

    /** This config with one more layer and its history row. */
    public ImageConfig plusLayer(Digest diffId, HistoryEntry row) {
        List<Digest> ids = new ArrayList<>(rootfs.diffIds());
        ids.add(diffId);
        return withRootfs(new RootFs(rootfs.type(), ids, rootfs.extra())).plusHistory(row);
    }

    /** This config with one more history row. */
    public ImageConfig plusHistory(HistoryEntry row) {
        List<HistoryEntry> rows = history == null ? new ArrayList<>() : new ArrayList<>(history);
        rows.add(row);
        return withHistory(rows);
    }
}
