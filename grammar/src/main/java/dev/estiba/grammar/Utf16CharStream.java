package dev.estiba.grammar;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * An ANTLR character stream over a slice of a {@link String}, indexed in UTF-16 characters so that token indexes
 * are string indexes (ANTLR's own streams count code points). Nothing is copied.
 */
final class Utf16CharStream implements CharStream {
    private final String text;
    private final int start;
    private final int end;
    private int index;

    Utf16CharStream(String text, int start, int end) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.index = start;
    }

    @Override
    public String getText(Interval interval) {
        int a = Math.max(start + interval.a, start);
        int b = Math.min(start + interval.b + 1, end);
        return a >= b ? "" : text.substring(a, b);
    }

    @Override
    public void consume() {
        if (index >= end) {
            throw new IllegalStateException("cannot consume EOF");
        }
        index++;
    }

    @Override
    public int LA(int i) {
        if (i == 0) {
            return 0;
        }
        int at = i > 0 ? index + i - 1 : index + i;
        return at < start || at >= end ? IntStream.EOF : text.charAt(at);
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
        // Nothing is buffered.
    }

    @Override
    public int index() {
        return index - start;
    }

    @Override
    public void seek(int position) {
        index = Math.min(start + position, end);
    }

    @Override
    public int size() {
        return end - start;
    }

    @Override
    public String getSourceName() {
        return IntStream.UNKNOWN_SOURCE_NAME;
    }
}
