package dev.estiba.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.estiba.build.BuildResult;
import dev.estiba.format.AtomicOutput;
import dev.estiba.image.Digest;
import dev.estiba.image.Manifest;
import dev.estiba.registry.BlobDirectory;
import dev.estiba.registry.ImagePusher;
import dev.estiba.registry.ImageReference;
import dev.estiba.registry.RegistryClient;
import dev.estiba.registry.RegistryException;
import dev.estiba.store.BlobStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code estiba build}'s registry side: {@code --output type=registry,name=REF}, {@code --push} and {@code --metadata-file}. */
final class RegistryOutput {
    private RegistryOutput() {
    }

    /**
     * The names a {@code type=registry} output pushes to ({@code name=a,b} as buildx's quoted form gives it), or
     * null when the spec is another exporter.
     */
    static List<String> names(String spec) {
        String[] parts = spec.split(",");
        boolean registry = false;
        List<String> names = new ArrayList<>();
        boolean inName = false;
        for (String part : parts) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq < 0 && inName) {
                names.add(p);
                continue;
            }
            inName = false;
            String key = eq < 0 ? p : p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : p.substring(eq + 1).trim();
            switch (key) {
                case "type" -> registry = value.equals("registry");
                case "name" -> {
                    names.add(value);
                    inName = true;
                }
                case "push" -> {
                    // type=registry always pushes; buildx accepts push=true here too
                }
                default -> {
                    if (registry) {
                        throw new IllegalArgumentException("invalid --output \"" + spec + "\": unknown key \"" + key + "\"");
                    }
                }
            }
        }
        if (!registry) {
            return null;
        }
        names.removeIf(String::isEmpty);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("invalid --output \"" + spec + "\": missing name=");
        }
        return names;
    }

    /** Pushes the stored image with its exact manifest bytes, so the registry's digest is the one printed. */
    static void push(RegistryClient client, Path cacheRoot, Digest manifest, List<String> names) throws IOException {
        List<ImageReference> targets = new ArrayList<>();
        for (String n : names) {
            try {
                targets.add(ImageReference.parse(n));
            } catch (IllegalArgumentException e) {
                throw new InputException("estiba build: cannot push to \"" + n + "\": " + e.getMessage(), e);
            }
        }
        byte[] bytes = new BlobStore(cacheRoot).read(manifest);
        String mediaType = Manifest.parse(bytes, manifest.toString()).effectiveMediaType();
        Digest pushed = new ImagePusher(client).push(bytes, mediaType, new BlobDirectory(cacheRoot), targets, null);
        if (!pushed.equals(manifest)) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, "push " + names + ": the registry "
                + "holds " + pushed + ", not the built " + manifest);
        }
    }

    /** buildx's metadata file: the manifest digest, the config digest and the names (comma-separated). */
    static void writeMetadata(Path file, BuildResult r, List<String> names) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode o = json.createObjectNode();
        o.put("containerimage.config.digest", r.imageId().toString());
        o.put("containerimage.digest", r.manifestDigest().toString());
        if (!names.isEmpty()) {
            o.put("image.name", String.join(",", names));
        }
        AtomicOutput.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(o));
    }
}
