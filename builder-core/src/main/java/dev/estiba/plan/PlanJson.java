package dev.estiba.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plan as JSON, in the shape docs/plan.md documents. */
public final class PlanJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    /** Pretty-printed JSON, no trailing newline. */
    public static String render(Plan plan) {
        try {
            return MAPPER.writeValueAsString(tree(plan));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plan as maps and lists. */
    public static Map<String, Object> tree(Plan plan) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dockerfile", plan.sourceName());
        Map<String, Object> platform = new LinkedHashMap<>();
        platform.put("target", plan.targetPlatform().toString());
        platform.put("build", plan.buildPlatform().toString());
        root.put("platform", platform);
        root.put("target", plan.targetStage().displayName());
        root.put("automaticArgs", plan.automaticArgs());
        root.put("globalArgs", plan.globalArgs().stream().map(PlanJson::arg).toList());
        root.put("stages", plan.stages().stream().map(PlanJson::stage).toList());
        List<Map<String, Object>> buildArgs = new ArrayList<>();
        for (BuildArgUse u : plan.buildArgs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", u.name());
            m.put("value", u.value());
            m.put("consumed", u.consumed());
            m.put("predefined", u.predefined());
            buildArgs.add(m);
        }
        root.put("buildArgs", buildArgs);
        Map<String, Object> outline = new LinkedHashMap<>();
        List<Map<String, Object>> targets = new ArrayList<>();
        for (Stage s : plan.stages()) {
            if (s.name().isEmpty()) {
                continue;
            }
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", s.name().get());
            t.put("description", s.description());
            t.put("default", s.index() == plan.stages().size() - 1);
            t.put("line", s.from().origin().lineNumber());
            targets.add(t);
        }
        outline.put("targets", targets);
        List<Map<String, Object>> args = new ArrayList<>();
        plan.globalArgs().forEach(a -> args.add(arg(a)));
        plan.stageArgs().forEach(a -> args.add(arg(a)));
        outline.put("args", args);
        root.put("outline", outline);
        root.put("warnings", plan.warnings());
        return root;
    }

    private static Map<String, Object> arg(ArgInfo a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("default", a.defaultValue().orElse(null));
        m.put("value", a.value().orElse(null));
        m.put("description", a.description());
        m.put("stage", a.stage().orElse(null));
        m.put("line", a.origin().lineNumber());
        return m;
    }

    private static Map<String, Object> stage(Stage s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", s.index());
        m.put("name", s.name().orElse(null));
        m.put("displayName", s.displayName());
        m.put("description", s.description());
        m.put("line", s.from().origin().lineNumber());
        m.put("pruned", !s.needed());
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("kind", s.base().kind().name().toLowerCase(java.util.Locale.ROOT));
        base.put("reference", s.base().reference());
        base.put("stage", s.base().stage().orElse(null));
        base.put("platform", s.base().platform().orElse(null));
        base.put("envKnown", s.base().envKnown());
        base.put("unset", List.copyOf(s.base().unset()));
        m.put("base", base);
        if (s.needed()) {
            m.put("dependsOn", s.dependsOn().stream().sorted().toList());
            m.put("level", s.level());
            m.put("independent", s.independent());
        }
        m.put("steps", s.steps().stream().map(PlanJson::step).toList());
        return m;
    }

    private static Map<String, Object> step(Step st) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", st.instruction().origin().lineNumber());
        m.put("keyword", st.instruction().keyword().name());
        m.put("original", st.instruction().origin().line());
        if (st.expanded().isPresent()) {
            InstructionView v = InstructionView.of(st.expanded().get());
            m.put("text", v.text());
            m.put("flags", v.flags());
            m.put("arguments", v.arguments());
            m.put("args", st.args());
            m.put("env", st.env());
            m.put("referenced", List.copyOf(st.referenced()));
            m.put("unset", List.copyOf(st.unset()));
            m.put("stageRefs", st.stageRefs());
            m.put("trigger", st.trigger());
        }
        return m;
    }
}
