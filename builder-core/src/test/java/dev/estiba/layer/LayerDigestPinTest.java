package dev.estiba.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the exact bytes of a layer: the digests below were computed before the write path was tuned for speed,
 * so any change of buffering, block handling or threading that alters a single output byte fails here. The gzip
 * pin was taken again when incompressible blocks (here the 1 MiB random file) became stored blocks. The change
 * set spans several gzip blocks (128 KiB) and two zstd jobs (4 MiB), with many small files and a few large ones.
 */
class LayerDigestPinTest {

    static final Instant T = Instant.ofEpochSecond(1_700_000_000L);
    static final String DIFF_ID = "sha256:955aec8c600437d5cc8ff6e2579621d044c26a115f089a26411384b1d18a60db";
    static final String GZIP = "sha256:bd33733941a0aec6e208e234342b86a6b7958916b35497f059ad27e68358b261";
    static final String ZSTD = "sha256:ead0808d2247e58ee15f3d3daa9715079ca3e1efc12e9d68038795c6c76b92cb";

    /** About 6.5 MiB as a tar: 400 small files of text-like or random bytes and three large files. */
    static ChangeSet changeSet() {
        Random random = new Random(20260101L);
        byte[] words = "the layer tar entry usr lib share doc readme license 0 1 2 3 { } ( ) ; =\n"
            .getBytes(StandardCharsets.US_ASCII);
        List<ChangeEntry> entries = new ArrayList<>();
        for (int d = 0; d < 8; d++) {
            entries.add(ChangeEntry.directory("d" + d, 0755, 0, 0, T));
        }
        for (int i = 0; i < 400; i++) {
            byte[] content = bytes(random, words, 1 + random.nextInt(8_000), random.nextInt(10) < 7);
            entries.add(ChangeEntry.file("d" + (i % 8) + "/f" + i + ".txt", 0644, T, content));
        }
        entries.add(ChangeEntry.file("big/text.bin", 0600, T, bytes(random, words, 3 << 20, true)));
        entries.add(ChangeEntry.file("big/random.bin", 0600, T, bytes(random, words, 1 << 20, false)));
        entries.add(ChangeEntry.file("big/odd.bin", 0600, T, bytes(random, words, (1 << 20) + 12_345, true)));
        entries.add(ChangeEntry.symlink("big/link", "text.bin", 0, 0, T));
        return ChangeSet.of(entries);
    }

    private static byte[] bytes(Random random, byte[] words, int size, boolean text) {
        byte[] b = new byte[size];
        if (text) {
            for (int i = 0; i < size; i++) {
                b[i] = words[random.nextInt(words.length)];
            }
        } else {
            random.nextBytes(b);
        }
        return b;
    }

    static Stream<Arguments> pins() {
        return Stream.of(
            Arguments.of("none", Compression.none(), DIFF_ID),
            Arguments.of("gzip 6, 1 thread", Compression.gzip(6, 1), GZIP),
            Arguments.of("gzip 6, 2 threads", Compression.gzip(6, 2), GZIP),
            Arguments.of("gzip 6, 3 threads", Compression.gzip(6, 3), GZIP),
            Arguments.of("zstd 3, 1 thread", Compression.zstd(3, 1), ZSTD),
            Arguments.of("zstd 3, 2 threads", Compression.zstd(3, 2), ZSTD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pins")
    void layerBytesArePinned(String name, Compression compression, String blob) throws IOException {
        LayerWriter.Result r = new LayerWriter(compression, null).write(changeSet(), OutputStream.nullOutputStream());
        assertEquals(DIFF_ID, r.diffId().toString(), name + " diff id");
        assertEquals(blob, r.digest().toString(), name + " blob digest");
    }
}
