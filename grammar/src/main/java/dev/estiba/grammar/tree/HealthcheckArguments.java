package dev.estiba.grammar.tree;

/**
 * HEALTHCHECK arguments: a type word ({@code CMD}, {@code NONE}; any other word is kept for the interpreter to
 * refuse) and, after it, a command in exec or shell form, or nothing.
 *
 * @param type the first word as written
 * @param command an {@link ExecForm}, a {@link ShellForm}, or {@link NoArguments}
 * @param text the arguments as written
 * @param range the arguments
 */
public record HealthcheckArguments(Word type, Arguments command, String text, SourceRange range)
        implements Arguments {
}
