package dev.estiba.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A secret that {@code RUN --mount=type=secret} steps may read, given with {@code --secret}: its id and where its
 * value comes from. The value is read when a step mounts it and never reaches a layer, the history, the config,
 * a cache key (which covers the id only) or the progress output; {@link #toString()} never shows it.
 */
public sealed interface BuildSecret {
    /** BuildKit's limit on a secret's size. */
    long MAX_SIZE = 500 * 1024;

    /** The id steps name it by. */
    String id();

    /** The value; read each time it is asked for. */
    byte[] value() throws IOException;

    /** A secret read from a file. */
    record FromFile(String id, Path file) implements BuildSecret {
        @Override
        public byte[] value() throws IOException {
            return Files.readAllBytes(file);
        }
    }

    /** A secret taken from an environment variable of the building process. */
    record FromEnv(String id, String variable, String text) implements BuildSecret {
        @Override
        public byte[] value() {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "FromEnv[id=" + id + ", variable=" + variable + "]";
        }
    }

    /**
     * Parses buildx's {@code --secret} syntax: {@code id=ID[,type=file|env][,src=PATH|,source=PATH][,env=VAR]}. A
     * {@code type=env} source names a variable. With neither a file nor a variable, the variable named {@code ID} is
     * used when it is set, else the file {@code ID}, as buildx does.
     *
     * @param environment the variables {@code env} sources read (the process environment)
     * @throws IllegalArgumentException naming what is wrong: a bad field, a missing file or variable, a value over
     *     500 KiB
     */
    static BuildSecret parse(String spec, Map<String, String> environment) {
        String type = null;
        String id = null;
        String file = null;
        String env = null;
        for (String field : spec.split(",")) {
            int eq = field.indexOf('=');
            if (eq < 0) {
                throw bad(spec, "invalid field '" + field + "': must be a key=value pair");
            }
            String key = field.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = field.substring(eq + 1);
            switch (key) {
                case "type" -> {
                    if (!value.equals("file") && !value.equals("env")) {
                        throw bad(spec, "unsupported secret type \"" + value + "\" (file or env)");
                    }
                    type = value;
                }
                case "id" -> id = value;
                case "source", "src" -> file = value;
                case "env" -> env = value;
                default -> throw bad(spec, "unexpected key '" + key + "' in '" + field + "'");
            }
        }
        if (id == null || id.isEmpty()) {
            throw bad(spec, "an id is required (id=ID)");
        }
        if ("env".equals(type) && env == null) {
            env = file;
            file = null;
        }
        if (file != null && env != null) {
            throw bad(spec, "cannot use both file and env for secret");
        }
        if (file == null && env == null) {
            if (environment.containsKey(id)) {
                env = id;
            } else {
                file = id;
            }
        }
        if (env != null) {
            String text = environment.get(env);
            if (text == null) {
                throw bad(spec, "environment variable " + env + " is not set");
            }
            checkSize(spec, id, text.getBytes(StandardCharsets.UTF_8).length);
            return new FromEnv(id, env, text);
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw bad(spec, file + ": no such file");
        }
        try {
            checkSize(spec, id, Files.size(path));
        } catch (IOException e) {
            throw bad(spec, file + ": " + e.getMessage());
        }
        return new FromFile(id, path);
    }

    private static void checkSize(String spec, String id, long size) {
        if (size > MAX_SIZE) {
            throw bad(spec, "secret " + id + " is too big: the limit is 500 KiB");
        }
    }

    private static IllegalArgumentException bad(String spec, String why) {
        return new IllegalArgumentException("--secret " + spec + ": " + why);
    }
}
