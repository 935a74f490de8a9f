package dev.estiba.grammar.tree;

/**
 * ONBUILD's argument: the nested instruction, parsed like a top-level one (its flags, arguments and heredocs).
 *
 * @param trigger the nested instruction
 * @param text the nested instruction as written
 * @param range the nested instruction
 */
public record OnbuildTrigger(Instruction trigger, String text, SourceRange range) implements Arguments {
}
