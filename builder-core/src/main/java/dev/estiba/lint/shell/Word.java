package dev.estiba.lint.shell;

/**
 * One shell word as written in a script.
 *
 * @param raw the source text of the word, quotes included
 * @param value the word after quote removal; expansions ({@code $X}, {@code $(..)}) are kept as written
 * @param start offset of the first character in the script
 * @param end offset after the last character
 * @param literal true when the word holds no expansion, so {@link #value} is exactly what the command sees
 */
public record Word(String raw, String value, int start, int end, boolean literal) {

    /** Whether the word is an option: starts with {@code -} and is more than {@code -}. */
    public boolean isFlag() {
        return value.length() > 1 && value.charAt(0) == '-';
    }
}
