package dev.estiba.plan;

import java.util.List;

/**
 * The resolved plan of a build: every stage (pruned ones marked), each step expanded with the
 * values in scope, and the build arguments.
 *
 * @param sourceName the Dockerfile's name
 * @param targetPlatform the platform built for
 * @param buildPlatform the platform building
 * @param globalArgs the ARGs before the first FROM, resolved
 * @param automaticArgs the automatic platform ARGs ({@code TARGETPLATFORM}, ...), in global scope
 * @param stages every stage in file order (which is a valid build order)
 * @param target the index of the stage built
 * @param stageArgs the ARGs declared inside needed stages, in order
 * @param buildArgs every {@code --build-arg} given, and whether it was consumed
 * @param warnings messages such as unconsumed build args or unknown base image environments
 */
public record Plan(String sourceName, Platform targetPlatform, Platform buildPlatform, List<ArgInfo> globalArgs,
                   java.util.Map<String, String> automaticArgs, List<Stage> stages, int target,
                   List<ArgInfo> stageArgs, List<BuildArgUse> buildArgs, List<String> warnings) {
    public Plan {
        globalArgs = List.copyOf(globalArgs);
        stages = List.copyOf(stages);
        stageArgs = List.copyOf(stageArgs);
        buildArgs = List.copyOf(buildArgs);
        warnings = List.copyOf(warnings);
    }

    /** The stages the build runs, in build order. */
    public List<Stage> buildOrder() {
        return stages.stream().filter(Stage::needed).toList();
    }

    /** The stage built. */
    public Stage targetStage() {
        return stages.get(target);
    }
}
