package dev.estiba.image;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes an image config or manifest with Jackson's streaming generator, in exactly the bytes the mapper's
 * canonical form gives (declared property order, nulls left out, map keys sorted). The mapper would first
 * introspect the record types by reflection, which is a large part of a warm rebuild's time; documents with
 * unknown properties ({@code extra}, JSON trees) are left to the mapper ({@link #writes} says false).
 */
final class CanonicalWriter {
    private CanonicalWriter() {
    }

    /** Whether {@link #write} handles this value: a config or an image manifest without unknown properties. */
    static boolean writes(Object value) {
        if (value instanceof ImageConfig c) {
            return c.extra().isEmpty() && c.rootfs().extra().isEmpty()
                && (c.config() == null || plain(c.config()))
                && (c.history() == null || c.history().stream().allMatch(h -> h.extra().isEmpty()));
        }
        if (value instanceof ImageManifest m) {
            return m.extra().isEmpty() && plain(m.config()) && (m.subject() == null || plain(m.subject()))
                && (m.layers() == null || m.layers().stream().allMatch(CanonicalWriter::plain));
        }
        return false;
    }

    private static boolean plain(ExecutionConfig e) {
        return e.extra().isEmpty() && (e.healthcheck() == null || e.healthcheck().extra().isEmpty());
    }

    private static boolean plain(Descriptor d) {
        return d == null || (d.extra().isEmpty() && (d.platform() == null || d.platform().extra().isEmpty()));
    }

    /** The canonical bytes of a value {@link #writes} accepts, made by {@code factory}'s generators. */
    static byte[] write(JsonFactory factory, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = factory.createGenerator(out)) {
            if (value instanceof ImageConfig c) {
                config(g, c);
            } else {
                manifest(g, (ImageManifest) value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void config(JsonGenerator g, ImageConfig c) throws IOException {
        g.writeStartObject();
        string(g, "created", c.created());
        string(g, "author", c.author());
        string(g, "architecture", c.architecture());
        string(g, "os", c.os());
        string(g, "os.version", c.osVersion());
        strings(g, "os.features", c.osFeatures());
        string(g, "variant", c.variant());
        if (c.config() != null) {
            g.writeFieldName("config");
            execution(g, c.config());
        }
        g.writeFieldName("rootfs");
        g.writeStartObject();
        string(g, "type", c.rootfs().type());
        g.writeArrayFieldStart("diff_ids");
        for (Digest d : c.rootfs().diffIds()) {
            g.writeString(d.toString());
        }
        g.writeEndArray();
        g.writeEndObject();
        if (c.history() != null) {
            g.writeArrayFieldStart("history");
            for (HistoryEntry h : c.history()) {
                g.writeStartObject();
                string(g, "created", h.created());
                string(g, "created_by", h.createdBy());
                string(g, "author", h.author());
                string(g, "comment", h.comment());
                if (h.emptyLayer() != null) {
                    g.writeBooleanField("empty_layer", h.emptyLayer());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void execution(JsonGenerator g, ExecutionConfig e) throws IOException {
        g.writeStartObject();
        string(g, "User", e.user());
        keySet(g, "ExposedPorts", e.exposedPorts());
        strings(g, "Env", e.env());
        strings(g, "Entrypoint", e.entrypoint());
        strings(g, "Cmd", e.cmd());
        keySet(g, "Volumes", e.volumes());
        string(g, "WorkingDir", e.workingDir());
        stringMap(g, "Labels", e.labels());
        string(g, "StopSignal", e.stopSignal());
        if (e.argsEscaped() != null) {
            g.writeBooleanField("ArgsEscaped", e.argsEscaped());
        }
        Healthcheck h = e.healthcheck();
        if (h != null) {
            g.writeFieldName("Healthcheck");
            g.writeStartObject();
            strings(g, "Test", h.test());
            number(g, "Interval", h.interval());
            number(g, "Timeout", h.timeout());
            number(g, "StartPeriod", h.startPeriod());
            number(g, "StartInterval", h.startInterval());
            if (h.retries() != null) {
                g.writeNumberField("Retries", h.retries().intValue());
            }
            g.writeEndObject();
        }
        strings(g, "OnBuild", e.onBuild());
        strings(g, "Shell", e.shell());
        g.writeEndObject();
    }

    private static void manifest(JsonGenerator g, ImageManifest m) throws IOException {
        g.writeStartObject();
        g.writeNumberField("schemaVersion", m.schemaVersion());
        string(g, "mediaType", m.mediaType());
        string(g, "artifactType", m.artifactType());
        descriptor(g, "config", m.config());
        if (m.layers() != null) {
            g.writeArrayFieldStart("layers");
            for (Descriptor d : m.layers()) {
                descriptor(g, null, d);
            }
            g.writeEndArray();
        }
        descriptor(g, "subject", m.subject());
        stringMap(g, "annotations", m.annotations());
        g.writeEndObject();
    }

    private static void descriptor(JsonGenerator g, String name, Descriptor d) throws IOException {
        if (d == null) {
            return;
        }
        if (name != null) {
            g.writeFieldName(name);
        }
        g.writeStartObject();
        string(g, "mediaType", d.mediaType());
        if (d.digest() != null) {
            g.writeStringField("digest", d.digest().toString());
        }
        g.writeNumberField("size", d.size());
        strings(g, "urls", d.urls());
        stringMap(g, "annotations", d.annotations());
        string(g, "data", d.data());
        Platform p = d.platform();
        if (p != null) {
            g.writeFieldName("platform");
            g.writeStartObject();
            string(g, "architecture", p.architecture());
            string(g, "os", p.os());
            string(g, "os.version", p.osVersion());
            strings(g, "os.features", p.osFeatures());
            string(g, "variant", p.variant());
            strings(g, "features", p.features());
            g.writeEndObject();
        }
        string(g, "artifactType", d.artifactType());
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void number(JsonGenerator g, String name, Long value) throws IOException {
        if (value != null) {
            g.writeNumberField(name, value.longValue());
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        if (values == null) {
            return;
        }
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** A map as the mapper writes it: keys sorted, entries with null values left out (NON_NULL content). */
    private static void stringMap(JsonGenerator g, String name, Map<String, String> map) throws IOException {
        if (map == null) {
            return;
        }
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
            if (e.getValue() != null) {
                g.writeStringField(e.getKey(), e.getValue());
            }
        }
        g.writeEndObject();
    }

    /** As {@link KeySetJson.Writer}: a set as an object of its sorted names to {@code {}}. */
    private static void keySet(JsonGenerator g, String name, Set<String> keys) throws IOException {
        if (keys == null) {
            return;
        }
        g.writeObjectFieldStart(name);
        for (String key : new TreeSet<>(keys)) {
            g.writeFieldName(key);
            g.writeStartObject();
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
