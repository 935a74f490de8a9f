package dev.estiba.image;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The execution parameters of an image (the config's {@code config} object): the OCI fields and Docker's
 * additions (Healthcheck, OnBuild, Shell). Null means absent, which differs from empty: an empty Entrypoint
 * clears the base image's. Docker-only fields such as Hostname survive in {@link #extra()}.
 */
@JsonPropertyOrder({"User", "ExposedPorts", "Env", "Entrypoint", "Cmd", "Volumes", "WorkingDir", "Labels", "StopSignal", "ArgsEscaped", "Healthcheck", "OnBuild", "Shell"})
public record ExecutionConfig(
    @JsonProperty("User") String user,
    @JsonSerialize(using = KeySetJson.Writer.class) @JsonDeserialize(using = KeySetJson.Reader.class)
    @JsonProperty("ExposedPorts") Set<String> exposedPorts,
    @JsonProperty("Env") List<String> env,
    @JsonProperty("Entrypoint") List<String> entrypoint,
    @JsonProperty("Cmd") List<String> cmd,
    @JsonSerialize(using = KeySetJson.Writer.class) @JsonDeserialize(using = KeySetJson.Reader.class)
    @JsonProperty("Volumes") Set<String> volumes,
    @JsonProperty("WorkingDir") String workingDir,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("StopSignal") String stopSignal,
    @JsonProperty("ArgsEscaped") Boolean argsEscaped,
    @JsonProperty("Healthcheck") Healthcheck healthcheck,
    @JsonProperty("OnBuild") List<String> onBuild,
    @JsonProperty("Shell") List<String> shell,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    /** No parameters at all. */
    public static final ExecutionConfig EMPTY = new ExecutionConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    public ExecutionConfig {
        exposedPorts = exposedPorts == null ? null : Collections.unmodifiableSortedSet(new TreeSet<>(exposedPorts));
        env = ImageJson.copy(env);
        entrypoint = ImageJson.copy(entrypoint);
        cmd = ImageJson.copy(cmd);
        volumes = volumes == null ? null : Collections.unmodifiableSortedSet(new TreeSet<>(volumes));
        labels = ImageJson.copy(labels);
        onBuild = ImageJson.copy(onBuild);
        shell = ImageJson.copy(shell);
        extra = ImageJson.extra(extra);
    }

    /** This config with {@code User} replaced (null removes it). */
    public ExecutionConfig withUser(String value) {
        return new ExecutionConfig(value, exposedPorts, env, entrypoint, cmd, volumes, workingDir, labels, stopSignal, argsEscaped, healthcheck, onBuild, shell, extra);
    }

    /** This config with {@code ExposedPorts} replaced (null removes it). */
    public ExecutionConfig withExposedPorts(Set<String> value) {
        return new ExecutionConfig(user, value, env, entrypoint, cmd, volumes, workingDir, labels, stopSignal, argsEscaped, healthcheck, onBuild, shell, extra);
    }

    /** This config with {@code Env} replaced (null removes it). */
    public ExecutionConfig withEnv(List<String> value) {
        return new ExecutionConfig(user, exposedPorts, value, entrypoint, cmd, volumes, workingDir, labels, stopSignal, argsEscaped, healthcheck, onBuild, shell, extra);
    }

    /** This config with {@code Entrypoint} replaced (null removes it). */
    public ExecutionConfig withEntrypoint(List<String> value) {
        return new ExecutionConfig(user, exposedPorts, env, value, cmd, volumes, workingDir, labels, stopSignal, argsEscaped, healthcheck, onBuild, shell, extra);
    }

    /** This config with {@code Cmd} replaced (null removes it). */
    public ExecutionConfig withCmd(List<String> value) {
        return new ExecutionConfig(user, exposedPorts, env, entrypoint, value, volumes, workingDir, labels, stopSignal, argsEscaped, healthcheck, onBuild, shell, extra);
    }

    /** This config with {@code Volumes} replaced (null removes it). */
    public ExecutionConfig withVolumes(Set<String> value) {
        return new ExecutionConfig(user, exposedPorts, env, entrypoint, cmd, value, workingDir, labels, stopSignal, argsEscaped, healthcheck, onBuild, shell, extra);
    }

    /** This config with {@code WorkingDir} replaced (null removes it). */
    public ExecutionConfig withWorkingDir(String value) {
        return new ExecutionConfig(user, exposedPorts, env, entrypoint, cmd, volumes, value, labels, stopSignal, argsEscaped, healthcheck, onBuild, shell, extra);
    }

    /** This config with {@code Labels} replaced (null removes it). */
    public ExecutionConfig withLabels(Map<String, String> value) {
        return new ExecutionConfig(user, exposedPorts, env, entrypoint, cmd, volumes, workingDir, value, stopSignal, argsEscaped, healthcheck, onBuild, shell, extra);
    }

    /** This config with {@code StopSignal} replaced (null removes it). */
    public ExecutionConfig withStopSignal(String value) {
        return new ExecutionConfig(user, exposedPorts, env, entrypoint, cmd, volumes, workingDir, labels, value, argsEscaped, healthcheck, onBuild, shell, extra);
    }

    /** This config with {@code ArgsEscaped} replaced (null removes it). */
    public ExecutionConfig withArgsEscaped(Boolean value) {
        return new ExecutionConfig(user, exposedPorts, env, entrypoint, cmd, volumes, workingDir, labels, stopSignal, value, healthcheck, onBuild, shell, extra);
    }

    /** This config with {@code Healthcheck} replaced (null removes it). */
    public ExecutionConfig withHealthcheck(Healthcheck value) {
        return new ExecutionConfig(user, exposedPorts, env, entrypoint, cmd, volumes, workingDir, labels, stopSignal, argsEscaped, value, onBuild, shell, extra);
    }

    /** This config with {@code OnBuild} replaced (null removes it). */
    public ExecutionConfig withOnBuild(List<String> value) {
        return new ExecutionConfig(user, exposedPorts, env, entrypoint, cmd, volumes, workingDir, labels, stopSignal, argsEscaped, healthcheck, value, shell, extra);
    }

    /** This config with {@code Shell} replaced (null removes it). */
    public ExecutionConfig withShell(List<String> value) {
        return new ExecutionConfig(user, exposedPorts, env, entrypoint, cmd, volumes, workingDir, labels, stopSignal, argsEscaped, healthcheck, onBuild, value, extra);
    }
}
