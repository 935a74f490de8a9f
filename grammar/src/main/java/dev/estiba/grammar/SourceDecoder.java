package dev.estiba.grammar;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes Dockerfile bytes as UTF-8 without losing any: a byte that is not part of valid UTF-8 becomes the lone
 * surrogate {@code U+DC00 + byte} (as Python's "surrogateescape" does). Valid UTF-8 never decodes to those, so the
 * BuildKit dump can print such bytes as {@code \xHH}, as Go does.
 */
public final class SourceDecoder {
    private SourceDecoder() {
    }

    /** The text of {@code bytes}, invalid bytes kept as U+DC80..U+DCFF. */
    public static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isUnderflow()) {
                decoder.flush(out);
                break;
            }
            if (r.isError()) {
                for (int i = 0; i < r.length(); i++) {
                    out.put((char) (0xDC00 + (in.get() & 0xFF)));
                }
            } else {
                throw new IllegalStateException("UTF-8 decoding overflowed its buffer: " + r);
            }
        }
        out.flip();
        return out.toString();
    }
}
