package dev.estiba.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HandOffOutputStreamTest {

    /** Records the bytes and whether it was closed. */
    static final class Sink extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    @ParameterizedTest(name = "chunk {0}, {1} chunks, writes of up to {2}")
    @CsvSource({"16, 2, 1", "16, 2, 40", "1000, 3, 999", "1000, 4, 1000", "1000, 4, 5000", "65536, 4, 70000"})
    void passesOnTheSameBytesInOrder(int chunk, int chunks, int maxWrite) throws IOException {
        byte[] data = new byte[300_007];
        new Random(7).nextBytes(data);
        Sink sink = new Sink();
        Random sizes = new Random(11);
        try (HandOffOutputStream out = new HandOffOutputStream(sink, chunk, chunks, "test-hand-off")) {
            int off = 0;
            while (off < data.length) {
                if (sizes.nextInt(5) == 0) {
                    out.write(data[off++]);
                    continue;
                }
                int n = Math.min(data.length - off, 1 + sizes.nextInt(maxWrite));
                out.write(data, off, n);
                off += n;
            }
        }
        assertArrayEquals(data, sink.toByteArray());
        assertFalse(sink.closed, "the next stream stays open");
    }

    @Test
    void theConsumersFailureReachesTheWriterAsThrown() throws IOException {
        IOException full = new IOException("No space left on device");
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw full;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw full;
            }
        };
        HandOffOutputStream out = new HandOffOutputStream(failing, 64, 2, "test-hand-off");
        IOException seen = assertThrows(IOException.class, () -> {
            for (int i = 0; i < 10_000; i++) {
                out.write(new byte[100]);
            }
            out.close();
        });
        assertSame(full, seen);
        out.abort(); // returns: the consumer has stopped
    }

    @Test
    void abortDropsWhatIsQueuedAndStopsTheConsumer() throws IOException {
        Sink sink = new Sink();
        HandOffOutputStream out = new HandOffOutputStream(sink, 8, 3, "test-hand-off");
        out.write(new byte[7]);
        out.abort();
        assertEquals(0, sink.size(), "the unfinished chunk was never handed off");
        out.close(); // closing after an abort passes nothing on
        assertEquals(0, sink.size());
    }

    @Test
    void needsTwoChunks() {
        assertEquals("a hand-off needs at least 2 chunks, got 1", assertThrows(IllegalArgumentException.class,
            () -> new HandOffOutputStream(new Sink(), 8, 1, "test-hand-off")).getMessage());
    }
}
