package dev.estiba.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The ARG and ENV values of a stage as its instructions run. ENV (the image's environment,
 * base image included) wins over an ARG of the same name; ARG values reach RUN's environment but
 * never the image.
 */
final class Scope {
    /** BuildKit's PATH for Linux images whose base sets none. */
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final LinkedHashMap<String, String> env;
    private final LinkedHashMap<String, String> args;
    private final LinkedHashSet<String> declared;

    private Scope(Map<String, String> env, Map<String, String> args, Set<String> declared) {
        this.env = new LinkedHashMap<>(env);
        this.args = new LinkedHashMap<>(args);
        this.declared = new LinkedHashSet<>(declared);
    }

    /** A stage started from an image (or scratch) with this environment; PATH defaulted when missing. */
    static Scope ofImage(Map<String, String> imageEnv) {
        Scope s = new Scope(imageEnv, Map.of(), Set.of());
        s.env.putIfAbsent("PATH", DEFAULT_PATH);
        return s;
    }

    /** A stage started from another stage: its ENV and its ARGs carry over. */
    Scope copy() {
        return new Scope(env, args, declared);
    }

    /** What {@code $NAME} sees: ARG values overlaid by ENV. */
    Map<String, String> expansionEnv() {
        Map<String, String> m = new LinkedHashMap<>(args);
        m.putAll(env);
        return m;
    }

    void setEnv(String name, String value) {
        env.put(name, value);
    }

    /** Declares an ARG; a null value leaves it without one (or keeps an inherited value). */
    void declareArg(String name, String value) {
        declared.add(name);
        if (value != null) {
            args.put(name, value);
        }
    }

    Map<String, String> env() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    /** Declared ARGs with their values, ARGs shadowed by an ENV of the same name included. */
    Map<String, String> args() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    Set<String> declared() {
        return Collections.unmodifiableSet(declared);
    }
}
