package dev.estiba.build;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a build's image goes, as buildx's {@code --output} says it.
 *
 * @param type the exporter
 * @param dest the file or directory written
 */
public record Output(Type type, Path dest) {
    /** The exporters. */
    public enum Type {
        /** An OCI layout: a directory, or a tar of one when {@code dest} is not an existing directory and ends in {@code .tar}. */
        OCI,
        /** An OCI layout in a tar. */
        OCI_ARCHIVE,
        /** A docker-save tar that {@code docker load} and {@code podman load} read. */
        DOCKER,
        /** The final root file system as a directory. */
        LOCAL,
        /** The final root file system as a tar. */
        TAR
    }

    /**
     * Parses {@code type=oci,dest=DIR}, {@code type=docker,dest=FILE}, ... (also a bare path: {@code type=local}).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Output parse(String spec) {
        Map<String, String> kv = new LinkedHashMap<>();
        if (!spec.contains("=")) {
            kv.put("type", "local");
            kv.put("dest", spec);
        } else {
            for (String part : spec.split(",")) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("invalid --output \"" + spec + "\": \"" + part + "\" is not KEY=VALUE");
                }
                kv.put(part.substring(0, eq).trim().toLowerCase(Locale.ROOT), part.substring(eq + 1).trim());
            }
        }
        String t = kv.getOrDefault("type", "");
        Type type = switch (t) {
            case "oci" -> Type.OCI;
            case "oci-archive" -> Type.OCI_ARCHIVE;
            case "docker" -> Type.DOCKER;
            case "local" -> Type.LOCAL;
            case "tar" -> Type.TAR;
            default -> throw new IllegalArgumentException("invalid --output \"" + spec
                + "\": type must be oci, oci-archive, docker, local or tar");
        };
        String dest = kv.get("dest");
        if (dest == null || dest.isEmpty()) {
            throw new IllegalArgumentException("invalid --output \"" + spec + "\": missing dest=");
        }
        for (String k : kv.keySet()) {
            if (!k.equals("type") && !k.equals("dest")) {
                throw new IllegalArgumentException("invalid --output \"" + spec + "\": unknown key \"" + k + "\"");
            }
        }
        return new Output(type, Path.of(dest));
    }
}
