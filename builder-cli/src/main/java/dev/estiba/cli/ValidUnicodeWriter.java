package dev.estiba.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * Passes text on with each lone surrogate replaced by U+FFFD. The parser keeps bytes that are not valid UTF-8 as
 * lone surrogates (see {@code SourceDecoder}); JSON output must be valid Unicode, so there they become U+FFFD.
 */
final class ValidUnicodeWriter extends Writer {
    private final Writer out;
    private char pendingHigh;

    ValidUnicodeWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (pendingHigh != 0) {
                if (Character.isLowSurrogate(c)) {
                    out.write(pendingHigh);
                    out.write(c);
                    pendingHigh = 0;
                    continue;
                }
                out.write('\uFFFD');
                pendingHigh = 0;
            }
            if (Character.isHighSurrogate(c)) {
                pendingHigh = c;
            } else {
                out.write(Character.isLowSurrogate(c) ? '\uFFFD' : c);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (pendingHigh != 0) {
            out.write('\uFFFD');
            pendingHigh = 0;
        }
        out.flush();
    }
}
