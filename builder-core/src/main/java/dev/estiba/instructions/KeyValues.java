package dev.estiba.instructions;

import java.util.ArrayList;
import java.util.List;

final class KeyValues {
    private KeyValues() {
    }

    static List<KeyValue> expand(List<KeyValue> pairs, Expansions x, String keyword, Origin origin) {
        List<KeyValue> out = new ArrayList<>(pairs.size());
        for (KeyValue kv : pairs) {
            String key = x.word(kv.key());
            if (key.isEmpty()) {
                throw new InstructionException(origin, keyword + " names can not be blank");
            }
            out.add(new KeyValue(key, x.word(kv.value())));
        }
        return out;
    }
}
