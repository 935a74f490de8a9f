package dev.estiba.plan;

import java.util.Locale;

/**
 * An OCI platform, normalised as BuildKit does for its automatic ARGs ({@code x86_64} is
 * {@code amd64}, {@code aarch64} is {@code arm64}, {@code arm} defaults to variant {@code v7},
 * {@code arm64/v8} drops the variant).
 *
 * @param os operating system, e.g. {@code linux}
 * @param architecture e.g. {@code amd64}
 * @param variant e.g. {@code v7}, or empty
 */
public record Platform(String os, String architecture, String variant) {

    /**
     * Parses {@code os/arch[/variant]} (or just {@code arch}, meaning linux).
     *
     * @throws IllegalArgumentException for an empty part or more than three parts
     */
    public static Platform parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("/", -1);
        if (parts.length > 3 || text.isBlank() || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("invalid platform \"" + text + "\": expected os/arch[/variant]");
        }
        if (parts.length == 1) {
            return normalise("linux", parts[0], "");
        }
        return normalise(parts[0], parts[1], parts.length == 3 ? parts[2] : "");
    }

    /** The platform of the machine running estiba (always Linux: images are Linux images). */
    public static Platform host() {
        return normalise("linux", System.getProperty("os.arch", "amd64"), "");
    }

    private static Platform normalise(String os, String arch, String variant) {
        String a = switch (arch) {
            case "x86_64", "x86-64" -> "amd64";
            case "aarch64" -> "arm64";
            case "armhf" -> "arm";
            case "i386", "i686", "x86" -> "386";
            default -> arch;
        };
        String v = variant;
        if (arch.equals("armhf") && v.isEmpty()) {
            v = "v7";
        }
        if (a.equals("arm") && v.isEmpty()) {
            v = "v7";
        }
        if (a.equals("arm64") && v.equals("v8")) {
            v = "";
        }
        return new Platform(os, a, v);
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
    }
}
