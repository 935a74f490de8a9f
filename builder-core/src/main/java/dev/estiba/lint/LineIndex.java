package dev.estiba.lint;

import java.util.Arrays;

/** Maps character offsets of a text to 1-based lines and columns. */
public final class LineIndex {
    private final int[] lineStarts;
    private final int length;

    public LineIndex(String text) {
        int[] starts = new int[16];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
        this.length = text.length();
    }

    /** 1-based line of an offset. */
    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, Math.min(Math.max(offset, 0), length));
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** 1-based column of an offset. */
    public int column(int offset) {
        int o = Math.min(Math.max(offset, 0), length);
        return o - lineStarts[line(o) - 1] + 1;
    }

    /** The range between two offsets. */
    public SourceRange range(int start, int end) {
        return new SourceRange(line(start), column(start), line(end), column(end));
    }
}
