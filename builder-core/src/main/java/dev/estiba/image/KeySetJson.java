package dev.estiba.image;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** Docker writes sets (ExposedPorts, Volumes) as objects whose values are all {@code {}}. */
final class KeySetJson {
    private KeySetJson() {
    }

    static final class Writer extends JsonSerializer<Set<String>> {
        @Override
        public void serialize(Set<String> keys, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            for (String key : new TreeSet<>(keys)) {
                gen.writeFieldName(key);
                gen.writeStartObject();
                gen.writeEndObject();
            }
            gen.writeEndObject();
        }
    }

    static final class Reader extends JsonDeserializer<Set<String>> {
        @Override
        public Set<String> deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                ctx.reportWrongTokenException(this, JsonToken.START_OBJECT, "expected an object of names to {}");
            }
            SortedSet<String> keys = new TreeSet<>();
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                keys.add(name);
                p.nextToken();
                p.skipChildren();
            }
            return keys;
        }
    }
}
