package dev.estiba.plan;

import dev.estiba.instructions.FromInstruction;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One build stage.
 *
 * @param index 0-based position in the file
 * @param name the {@code AS} name, lower-cased
 * @param description the comment directly above its FROM (without a leading stage name)
 * @param from the FROM instruction as written
 * @param base what it starts from
 * @param steps its instructions after FROM, in order
 * @param dependsOn the stages it needs (its base stage and those it copies or mounts from)
 * @param level 0 for a stage that needs no other stage, otherwise one more than the highest level it
 *     needs: stages of one level can be built in parallel
 * @param needed false when {@code --target} does not need it (pruned: not expanded, not built)
 */
public record Stage(int index, Optional<String> name, String description, FromInstruction from, Base base,
                    List<Step> steps, Set<Integer> dependsOn, int level, boolean needed) {
    public Stage {
        steps = List.copyOf(steps);
        dependsOn = Set.copyOf(dependsOn);
    }

    /** The name, or {@code stage-N} for an unnamed stage. */
    public String displayName() {
        return name.orElse("stage-" + index);
    }

    /** True when it needs no other stage. */
    public boolean independent() {
        return dependsOn.isEmpty();
    }
}
