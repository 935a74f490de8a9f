package dev.estiba.lint.fix;

/**
 * Replace the characters {@code [start, end)} of the text with {@code replacement}.
 *
 * @param rule the rule the edit fixes
 * @param start first offset replaced
 * @param end offset after the last one replaced
 * @param replacement the new text
 */
public record Edit(String rule, int start, int end, String replacement) {
}
