package dev.estiba.registry;

import dev.estiba.image.Descriptor;
import dev.estiba.image.ImageIndex;
import dev.estiba.image.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Picks the manifest for a platform from an index or manifest list, matching {@code os}, {@code architecture}
 * and {@code variant} as containerd does ({@code arm64} without a variant is {@code arm64/v8}). jib-core
 * matches os and architecture only and takes the first hit, so {@code arm/v6} and {@code arm/v7} are
 * indistinguishable there; this is why selection lives here.
 */
public final class PlatformSelector {
    private PlatformSelector() {
    }

    /** The platform of this machine, as an image names it: linux and the JVM's architecture. */
    public static Platform host() {
        String arch = normaliseArchitecture(System.getProperty("os.arch", "amd64"));
        String variant = switch (arch) {
            case "arm" -> "v7";
            default -> null;
        };
        return new Platform("linux", arch, variant);
    }

    /** The entry for a platform; an error listing the available platforms when none matches. */
    public static Descriptor select(ImageIndex index, Platform wanted, String where) throws RegistryException {
        Descriptor best = null;
        for (Descriptor d : index.manifests()) {
            Platform p = d.platform();
            if (p == null || !matches(p, wanted)) {
                continue;
            }
            // Without a wanted variant, an entry without one (or the default one) beats the others.
            if (best == null || (wanted.variant() == null && isDefaultVariant(p) && !isDefaultVariant(best.platform()))) {
                best = d;
            }
        }
        if (best == null) {
            throw new RegistryException(RegistryException.Kind.NO_MATCHING_PLATFORM, where
                + ": no manifest for platform " + wanted + "; available: " + available(index));
        }
        return best;
    }

    static boolean matches(Platform have, Platform wanted) {
        if (!lower(have.os()).equals(lower(wanted.os()))) {
            return false;
        }
        String arch = normaliseArchitecture(have.architecture());
        if (!arch.equals(normaliseArchitecture(wanted.architecture()))) {
            return false;
        }
        if (wanted.variant() == null) {
            return true;
        }
        return normaliseVariant(arch, have.variant()).equals(normaliseVariant(arch, wanted.variant()));
    }

    private static boolean isDefaultVariant(Platform p) {
        String arch = normaliseArchitecture(p.architecture());
        return p.variant() == null || normaliseVariant(arch, p.variant()).equals(normaliseVariant(arch, null));
    }

    /** {@code linux/amd64, linux/arm64/v8}, skipping attestation entries ({@code unknown/unknown}). */
    static String available(ImageIndex index) {
        List<String> names = new ArrayList<>();
        for (Descriptor d : index.manifests()) {
            Platform p = d.platform();
            if (p != null && !"unknown".equals(p.os()) && !names.contains(p.toString())) {
                names.add(p.toString());
            }
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    static String normaliseArchitecture(String arch) {
        String a = lower(arch);
        return switch (a) {
            case "x86_64", "x86-64" -> "amd64";
            case "aarch64" -> "arm64";
            case "i386", "i686", "x86" -> "386";
            case "armhf", "armel" -> "arm";
            default -> a;
        };
    }

    private static String normaliseVariant(String arch, String variant) {
        String v = variant == null ? "" : lower(variant);
        if (arch.equals("arm64") && (v.isEmpty() || v.equals("8"))) {
            return "v8";
        }
        if (arch.equals("arm") && v.isEmpty()) {
            return "v7";
        }
        return v;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
