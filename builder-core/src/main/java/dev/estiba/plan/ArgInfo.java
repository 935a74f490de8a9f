package dev.estiba.plan;

import dev.estiba.instructions.Origin;
import java.util.Optional;

/**
 * A declared ARG, for the outline: what it defaults to and what the build uses.
 *
 * @param name the name
 * @param defaultValue the default as written
 * @param value the value the build uses (build arg, expanded default, or inherited global)
 * @param description the comment directly above the ARG (without a leading name)
 * @param stage the stage index, or empty for a global ARG
 * @param origin the ARG instruction
 */
public record ArgInfo(String name, Optional<String> defaultValue, Optional<String> value, String description,
                      Optional<Integer> stage, Origin origin) {
}
