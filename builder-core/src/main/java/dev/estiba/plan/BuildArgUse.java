package dev.estiba.plan;

/**
 * One {@code --build-arg} and whether the build consumes it.
 *
 * @param name the name
 * @param value the value given
 * @param consumed true when an ARG of a needed stage (or a global ARG) declares it, or it is predefined
 * @param predefined true for the proxy, {@code BUILDKIT_*} and {@code SOURCE_DATE_EPOCH} args, which
 *     need no declaration (proxy values reach RUN's environment but stay out of history)
 */
public record BuildArgUse(String name, String value, boolean consumed, boolean predefined) {
}
