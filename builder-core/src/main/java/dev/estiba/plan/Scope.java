package dev.estiba.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The ARG and ENV values of a stage as its instructions run, modelled on BuildKit's build state:
 * ENV and ARG both assign into one environment that expansion and RUN see (so the later of an ENV
 * and an ARG of the same name wins there), while only ENV reaches the image config.
 */
final class Scope {
    /** BuildKit's PATH for Linux images whose base sets none. */
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** Build args BuildKit never puts into the environment. */
    private static final Set<String> NON_ENV_ARGS = Set.of("BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE");

    private final LinkedHashMap<String, String> state;
    private final LinkedHashMap<String, String> env;
    private final LinkedHashMap<String, String> args;

    private Scope(Map<String, String> state, Map<String, String> env, Map<String, String> args) {
        this.state = new LinkedHashMap<>(state);
        this.env = new LinkedHashMap<>(env);
        this.args = new LinkedHashMap<>(args);
    }

    /** A stage started from an image (or scratch) with this environment; PATH defaulted when missing. */
    static Scope ofImage(Map<String, String> imageEnv) {
        Map<String, String> env = new LinkedHashMap<>(imageEnv);
        env.putIfAbsent("PATH", DEFAULT_PATH);
        return new Scope(env, env, Map.of());
    }

    /** A stage started from another stage: its environment and its ARGs carry over. */
    Scope copy() {
        return new Scope(state, env, args);
    }

    /** What {@code $NAME} (and RUN) sees. */
    Map<String, String> expansionEnv() {
        return new LinkedHashMap<>(state);
    }

    /** ENV: into the image and the build environment. */
    void setEnv(String name, String value) {
        env.put(name, value);
        state.put(name, value);
    }

    /** ARG with a value: into the build environment only. A null value changes nothing. */
    void declareArg(String name, String value) {
        if (value == null) {
            return;
        }
        args.put(name, value);
        if (!NON_ENV_ARGS.contains(name)) {
            state.put(name, value);
        }
    }

    /** The image's ENV so far. */
    Map<String, String> env() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    /** Declared ARGs with a value. */
    Map<String, String> args() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }
}
