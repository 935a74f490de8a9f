package dev.estiba.grammar;

import dev.estiba.grammar.tree.OnbuildTrigger;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tree with everything that depends on layout removed (positions, original text, the joined logical line,
 * whether a comment sat inside an instruction), for comparing the trees of a file and of its printed form.
 */
final class TreeShape {
    private static final Set<String> LAYOUT = Set.of("range", "keywordRange", "bodyRange", "original", "line",
            "emptyContinuationLines", "insideInstruction", "sourceName");

    private TreeShape() {
    }

    static Object of(Object node) {
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(e -> out.add(of(e)));
            return out;
        }
        if (node == null || !node.getClass().isRecord()) {
            return node;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("@", node.getClass().getSimpleName());
        for (RecordComponent c : node.getClass().getRecordComponents()) {
            if (LAYOUT.contains(c.getName()) || node instanceof OnbuildTrigger && c.getName().equals("text")) {
                continue;
            }
            try {
                out.put(c.getName(), of(c.getAccessor().invoke(node)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
