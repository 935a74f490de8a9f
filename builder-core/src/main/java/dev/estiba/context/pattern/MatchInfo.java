package dev.estiba.context.pattern;

/**
 * What each pattern of a {@link PatternMatcher} concluded about a directory, handed to the calls for its
 * children so that a pattern matching a directory also matches everything under it (moby's
 * {@code MatchInfo}). {@link #NONE} means nothing is known about the parent.
 */
public final class MatchInfo {
    /** No knowledge about the parent: the matcher then checks every parent directory itself. */
    public static final MatchInfo NONE = new MatchInfo(new boolean[0]);

    private final boolean[] parentMatched;

    MatchInfo(boolean[] parentMatched) {
        this.parentMatched = parentMatched;
    }

    boolean known() {
        return parentMatched.length != 0;
    }

    boolean matched(int pattern) {
        return parentMatched[pattern];
    }
}
