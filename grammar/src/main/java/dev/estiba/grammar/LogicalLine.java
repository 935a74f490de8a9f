package dev.estiba.grammar;

import dev.estiba.grammar.tree.Comment;
import dev.estiba.grammar.tree.Position;
import dev.estiba.grammar.tree.SourceRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One instruction's physical lines joined at their continuations, with a map from each character of the joined
 * text back to its place in the source. The pieces are appended in source order, so a lookup is a binary search.
 */
final class LogicalLine {
    private final StringBuilder text = new StringBuilder();
    private int[] pieceStart = new int[4];   // index in text where the piece starts
    private int[] pieceOffset = new int[4];  // source offset of that character
    private int[] pieceLine = new int[4];    // its physical line
    private int[] pieceLineStart = new int[4]; // source offset of that line's first character
    private int pieces;

    final List<Comment> comments = new ArrayList<>();
    final List<Position> emptyContinuationLines = new ArrayList<>();
    /** Source offset of the first character of the instruction. */
    int sourceStart;
    /** Source offset just past the last consumed line's content (grows with heredoc bodies). */
    int sourceEnd;
    /** The last physical line consumed, and its start offset. */
    int endLine;
    int endLineStart;

    void append(String source, int from, int to, int line, int lineStart) {
        if (pieces == pieceStart.length) {
            int n = pieces * 2;
            pieceStart = Arrays.copyOf(pieceStart, n);
            pieceOffset = Arrays.copyOf(pieceOffset, n);
            pieceLine = Arrays.copyOf(pieceLine, n);
            pieceLineStart = Arrays.copyOf(pieceLineStart, n);
        }
        pieceStart[pieces] = text.length();
        pieceOffset[pieces] = from;
        pieceLine[pieces] = line;
        pieceLineStart[pieces] = lineStart;
        pieces++;
        text.append(source, from, to);
    }

    String text() {
        return text.toString();
    }

    /** The source position of the character at {@code index} of the joined text. */
    Position at(int index) {
        return position(find(index, false), index);
    }

    /**
     * The source position just past the character at {@code index - 1}: an exclusive end. At a piece boundary this
     * stays on the earlier piece's line.
     */
    Position endAt(int index) {
        return position(find(index, true), index);
    }

    SourceRange range(int from, int to) {
        return new SourceRange(at(from), to > from ? endAt(to) : at(from));
    }

    private Position position(int piece, int index) {
        int offset = pieceOffset[piece] + index - pieceStart[piece];
        return new Position(pieceLine[piece], offset - pieceLineStart[piece] + 1, offset);
    }

    private int find(int index, boolean end) {
        int lo = 0;
        int hi = pieces - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            int s = pieceStart[mid];
            if (end ? s < index : s <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
