package dev.estiba.image;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one JSON mapper for image documents. Writing is canonical: compact, properties in declaration order,
 * map keys sorted, nulls left out, so the same value always gives the same bytes (and digest). Reading is
 * tolerant: unknown properties are kept by the model types (their {@code extra} map) and written back.
 */
public final class ImageJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
            JsonInclude.Include.NON_NULL))
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(SerializationFeature.INDENT_OUTPUT)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        // Only the annotated record components are properties, never helper methods such as isDocker().
        .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
        .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
        .build();

    private ImageJson() {
    }

    /** The shared mapper (thread-safe); prefer {@link #write} and {@link #read}. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The canonical bytes of a model value. */
    public static byte[] write(Object value) {
        if (CanonicalWriter.writes(value)) {
            return CanonicalWriter.write(MAPPER.getFactory(), value);
        }
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /** Reads a document, naming {@code what} in the error when it is not valid JSON of that shape. */
    public static <T> T read(byte[] json, Class<T> type, String what) {
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new InvalidImageJsonException(what + ": expected a JSON object, got null");
            }
            return value;
        } catch (InvalidDigestException e) {
            throw new InvalidImageJsonException(what + ": " + e.getMessage());
        } catch (IOException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidDigestException d) {
                throw new InvalidImageJsonException(what + ": " + d.getMessage());
            }
            if (cause instanceof IllegalArgumentException iae) {
                throw new InvalidImageJsonException(what + ": " + iae.getMessage());
            }
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new InvalidImageJsonException(what + ": " + firstLine(String.valueOf(message)));
        }
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** An immutable copy of a list, or null for null (null and empty mean different things in configs). */
    static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    /** An immutable sorted copy of a map, or null for null. */
    static <V> SortedMap<String, V> copy(Map<String, V> map) {
        return map == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    /** Unknown properties: never null, sorted, immutable. */
    static SortedMap<String, JsonNode> extra(Map<String, JsonNode> map) {
        return map == null ? Collections.emptySortedMap() : copy(map);
    }
}
