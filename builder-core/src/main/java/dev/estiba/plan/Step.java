package dev.estiba.plan;

import dev.estiba.instructions.Instruction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One instruction of a stage as the build will run it.
 *
 * @param instruction the instruction as written
 * @param expanded the instruction with its words expanded; empty for a pruned stage (never expanded)
 * @param args the ARG values in scope when it runs (RUN sees them in its environment)
 * @param env the image's ENV values in scope when it runs
 * @param buildEnv the environment its expansion used, which is also RUN's environment (ENV and ARG
 *     values, the later assignment of a name winning; proxy build args not included)
 * @param referenced the variable names its expansion looked up
 * @param unset the looked-up names that had no value
 * @param stageRefs the stages its {@code --from} or {@code --mount from=} names
 * @param trigger true for an ONBUILD trigger of the base stage, run right after FROM
 */
public record Step(Instruction instruction, Optional<Instruction> expanded, Map<String, String> args,
                   Map<String, String> env, Map<String, String> buildEnv, Set<String> referenced, Set<String> unset, List<Integer> stageRefs,
                   boolean trigger) {
    public Step {
        stageRefs = List.copyOf(stageRefs);
    }
}
