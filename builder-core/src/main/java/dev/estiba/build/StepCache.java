package dev.estiba.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.estiba.context.EntryType;
import dev.estiba.context.digest.SelectionDigest;
import dev.estiba.format.AtomicOutput;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import dev.estiba.store.BlobStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Step results by key, in {@code <cache>/build-cache/}: a key (a digest over the parent step's key, the
 * instruction after expansion, the build args it uses and its sources' selection digest) names a file holding
 * the step's layer (its blob stays in the store). A second file per "slot" (parent key and instruction, without
 * the sources) remembers the last selection, so a miss can say which source changed. Each file is written whole
 * under a temporary name and renamed, so a killed build leaves the cache consistent.
 */
final class StepCache {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A cached step: its layer, or none (null) when it changed no file, and the key the next step chains on (the
     * looked-up key itself unless the entry is an alias, see {@link #record(String, Descriptor, Digest, String)}).
     */
    record Hit(Descriptor layer, Digest diffId, String chain) {
        /** A result without a chain of its own (a registry cache's entry, or a result being recorded). */
        Hit(Descriptor layer, Digest diffId) {
            this(layer, diffId, null);
        }
    }

    private final Path dir;
    private final BlobStore store;

    StepCache(Path cacheDir, BlobStore store) {
        this.dir = cacheDir.resolve("build-cache");
        this.store = store;
    }

    /**
     * The version of what a step's result means, part of every key. Raise it when the same inputs start to give a
     * different result (a behaviour fix), so that no cache, local or in a registry, serves a result of the old rules.
     * 2: directories a COPY --chmod creates take its mode.
     */
    static final String RULES_VERSION = "estiba-steps-2";

    /** A digest over length-prefixed parts, under {@link #RULES_VERSION}. */
    static String key(String... parts) {
        MessageDigest md = Digest.newSha256();
        md.update((RULES_VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
        for (String p : parts) {
            byte[] b = p.getBytes(StandardCharsets.UTF_8);
            md.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
            md.update(b);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The layer stored for a key, when its blob is still in the store. */
    Optional<Hit> lookup(String key) throws IOException {
        Path f = dir.resolve(key + ".json");
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(f.toFile());
            String chain = n.has("chain") ? n.get("chain").asText() : key;
            if (n.has("empty")) {
                return Optional.of(new Hit(null, null, chain));
            }
            Descriptor d = new Descriptor(n.get("mediaType").asText(), Digest.parse(n.get("digest").asText()),
                n.get("size").asLong());
            if (!store.has(d.digest())) {
                return Optional.empty();
            }
            return Optional.of(new Hit(d, Digest.parse(n.get("diffId").asText()), chain));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Records a step's layer (null: the step changed no file) under its key. */
    void record(String key, Descriptor layer, Digest diffId) throws IOException {
        record(key, layer, diffId, null);
    }

    /**
     * Records a step's layer under a second key that is known before the step's inputs are read (an alias), with
     * the key the next step chains on ({@code chain}; null: the alias itself), so a hit on either key gives the
     * same chain.
     */
    void record(String key, Descriptor layer, Digest diffId, String chain) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        if (chain != null) {
            n.put("chain", chain);
        }
        if (layer == null) {
            n.put("empty", true);
        } else {
            n.put("mediaType", layer.mediaType());
            n.put("digest", layer.digest().toString());
            n.put("size", layer.size());
            n.put("diffId", diffId.toString());
        }
        Files.createDirectories(dir);
        AtomicOutput.write(dir.resolve(key + ".json"), JSON.writeValueAsBytes(n));
    }

    /** Whether a slot has a selection remembered: false means no key of that slot was ever recorded. */
    boolean hasSelection(String slot) {
        return Files.isRegularFile(dir.resolve("slots").resolve(slot + ".json"));
    }

    /** The selection remembered for a slot, if any. */
    Optional<List<SelectionDigest.Record>> lastSelection(String slot) {
        Path f = dir.resolve("slots").resolve(slot + ".json");
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            List<SelectionDigest.Record> out = new ArrayList<>();
            for (JsonNode r : JSON.readTree(f.toFile())) {
                out.add(new SelectionDigest.Record(r.get(0).asText(), EntryType.valueOf(r.get(1).asText()),
                    r.get(2).asInt(), r.get(3).asLong(), r.get(4).asLong(), r.get(5).asText(), r.get(6).asText()));
            }
            return Optional.of(out);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Remembers a slot's selection. */
    void rememberSelection(String slot, List<SelectionDigest.Record> records) throws IOException {
        ArrayNode a = JSON.createArrayNode();
        for (SelectionDigest.Record r : records) {
            a.addArray().add(r.destination()).add(r.type().name()).add(r.mode()).add(r.uid()).add(r.gid())
                .add(r.linkTarget()).add(r.contentDigest());
        }
        Path slots = dir.resolve("slots");
        Files.createDirectories(slots);
        AtomicOutput.write(slots.resolve(slot + ".json"), JSON.writeValueAsBytes(a));
    }
}
