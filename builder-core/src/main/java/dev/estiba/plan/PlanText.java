package dev.estiba.plan;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The plan for people: stages in build order, each step expanded, the scope when it changes. */
public final class PlanText {
    private PlanText() {
    }

    /** The text, ending with a newline. */
    public static String render(Plan plan) {
        StringBuilder b = new StringBuilder();
        b.append("Dockerfile: ").append(plan.sourceName()).append('\n');
        b.append("Platform:   ").append(plan.targetPlatform()).append(" (build platform ")
            .append(plan.buildPlatform()).append(")\n");
        b.append("Target:     ").append(plan.targetStage().displayName()).append(" (stage ")
            .append(plan.target()).append(")\n");
        if (!plan.globalArgs().isEmpty()) {
            b.append("\nGlobal ARGs (visible in FROM lines):\n");
            for (ArgInfo a : plan.globalArgs()) {
                b.append("  ").append(argLine(a)).append('\n');
            }
        }
        b.append("\nStages:\n");
        for (Stage s : plan.stages()) {
            b.append("  [").append(s.index()).append("] ").append(s.displayName());
            if (!s.needed()) {
                b.append("  (pruned: not needed for ").append(plan.targetStage().displayName()).append(")\n");
                continue;
            }
            b.append("  level ").append(s.level());
            b.append(s.independent() ? ", independent" : ", needs " + s.dependsOn().stream().sorted()
                .map(i -> plan.stages().get(i).displayName()).collect(Collectors.joining(", ")));
            b.append('\n');
            if (!s.description().isEmpty()) {
                b.append("      # ").append(s.description()).append('\n');
            }
            b.append("      ").append(s.from().origin().lineNumber()).append(": FROM ").append(base(s.base()))
                .append('\n');
            Map<String, String> lastArgs = Map.of();
            Map<String, String> lastEnv = Map.of();
            for (Step st : s.steps()) {
                if (!st.args().equals(lastArgs) || !st.env().equals(lastEnv)) {
                    b.append("          scope: ").append(scope(st)).append('\n');
                    lastArgs = st.args();
                    lastEnv = st.env();
                }
                b.append("      ").append(st.instruction().origin().lineNumber()).append(": ")
                    .append(st.trigger() ? "(ONBUILD trigger) " : "")
                    .append(InstructionView.of(st.expanded().orElseThrow()).text()).append('\n');
                if (!st.unset().isEmpty()) {
                    b.append("          unset: ").append(String.join(", ", st.unset())).append('\n');
                }
            }
        }
        if (!plan.buildArgs().isEmpty()) {
            b.append("\nBuild args:\n");
            for (BuildArgUse u : plan.buildArgs()) {
                b.append("  ").append(u.name()).append('=').append(u.value()).append("  ")
                    .append(u.predefined() ? "predefined" : u.consumed() ? "consumed" : "NOT consumed").append('\n');
            }
        }
        List<Stage> named = plan.stages().stream().filter(s -> s.name().isPresent()).toList();
        if (!named.isEmpty()) {
            b.append("\nTargets:\n");
            for (Stage s : named) {
                b.append("  ").append(s.name().get())
                    .append(s.index() == plan.stages().size() - 1 ? " (default)" : "")
                    .append(s.description().isEmpty() ? "" : "  " + s.description()).append('\n');
            }
        }
        if (!plan.stageArgs().isEmpty()) {
            b.append("\nStage ARGs:\n");
            for (ArgInfo a : plan.stageArgs()) {
                b.append("  ").append(plan.stages().get(a.stage().orElseThrow()).displayName()).append(": ")
                    .append(argLine(a)).append('\n');
            }
        }
        if (!plan.warnings().isEmpty()) {
            b.append("\nWarnings:\n");
            plan.warnings().forEach(w -> b.append("  ").append(w).append('\n'));
        }
        return b.toString();
    }

    private static String argLine(ArgInfo a) {
        StringBuilder b = new StringBuilder(a.name());
        b.append(a.value().map(v -> "=" + v).orElse(" (no value)"));
        a.defaultValue().ifPresent(d -> b.append("  default ").append(d));
        if (!a.description().isEmpty()) {
            b.append("  # ").append(a.description());
        }
        return b.toString();
    }

    private static String base(Base base) {
        return switch (base.kind()) {
            case STAGE -> base.reference() + " (stage " + base.stage().orElseThrow() + ")";
            case SCRATCH -> "scratch";
            case IMAGE -> base.platform().map(p -> "--platform=" + p + " ").orElse("") + base.reference()
                + (base.envKnown() ? "" : " (image environment not known)");
        };
    }

    private static String scope(Step st) {
        String args = st.args().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "));
        String env = st.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "));
        return "ARG " + (args.isEmpty() ? "-" : args) + " | ENV " + (env.isEmpty() ? "-" : env);
    }
}
