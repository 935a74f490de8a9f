package dev.estiba.layer.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IncompressibleCheckTest {

  private static final int BLOCK = 128 * 1024;

  private static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** Random bytes drawn from the first {@code symbols} byte values only. */
  private static byte[] randomOf(int size, int symbols, long seed) {
    Random r = new Random(seed);
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) r.nextInt(symbols);
    }
    return b;
  }

  private static byte[] text(int size) {
    byte[] words = "usr lib share doc readme license main init 0 1 2 3\n".getBytes(StandardCharsets.US_ASCII);
    Random r = new Random(3);
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = words[r.nextInt(words.length)];
    }
    return b;
  }

  /** Random, except that {@code length} bytes at {@code to} repeat those at {@code from}. */
  private static byte[] randomWithRepeat(int size, int from, int to, int length) {
    byte[] b = random(size, 9);
    System.arraycopy(b, from, b, to, length);
    return b;
  }

  private static byte[] cycle(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  static Stream<Arguments> blocks() {
    byte[] dictionary = random(BLOCK, 11);
    byte[] repeatsDictionary = random(BLOCK, 12);
    // 2 KiB of the dictionary's last 32 KiB come back early in the block: deflate would find them.
    System.arraycopy(dictionary, BLOCK - 20_000, repeatsDictionary, 1000, 2048);
    byte[] repeatsOldBytes = random(BLOCK, 13);
    // The same 2 KiB, but from before the last 32 KiB: out of deflate's reach.
    System.arraycopy(dictionary, BLOCK - 40_000, repeatsOldBytes, 1000, 2048);
    return Stream.of(
        Arguments.of("random block", random(BLOCK, 1), null, true),
        Arguments.of("random, as short as allowed", random(IncompressibleCheck.MIN_LENGTH, 2), null, true),
        Arguments.of("random, one byte too short", random(IncompressibleCheck.MIN_LENGTH - 1, 2), null, false),
        Arguments.of("text", text(BLOCK), null, false),
        Arguments.of("random over 250 byte values (7.966 bits)", randomOf(BLOCK, 250, 4), null, true),
        Arguments.of("random over 240 byte values (7.91 bits)", randomOf(BLOCK, 240, 4), null, false),
        Arguments.of("0..255 over and over: even, but repeats", cycle(BLOCK), null, false),
        Arguments.of("random with 512 bytes repeated (under 1/256)",
            randomWithRepeat(BLOCK, 1000, 20_000, 500), null, true),
        Arguments.of("random with 1 KiB repeated 19 KiB later",
            randomWithRepeat(BLOCK, 1000, 20_000, 1024), null, false),
        Arguments.of("random with 1 KiB repeated 40 KiB later (beyond the window)",
            randomWithRepeat(BLOCK, 1000, 41_000, 1024), null, true),
        Arguments.of("random repeating the dictionary's tail", repeatsDictionary, dictionary, false),
        Arguments.of("random repeating older bytes", repeatsOldBytes, dictionary, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("blocks")
  void decidesFromTheBytes(String name, byte[] block, byte[] dictionary, boolean incompressible) {
    IncompressibleCheck check = new IncompressibleCheck();
    int dictionaryLength = dictionary == null ? 0 : ParallelGzipOutputStream.DICTIONARY_SIZE;
    int dictionaryEnd = dictionary == null ? 0 : dictionary.length;
    assertEquals(incompressible, check.test(block, block.length, dictionary, dictionaryEnd, dictionaryLength), name);
    // The tables it keeps between calls leave no trace: the same answer again, after another block.
    check.test(text(BLOCK), BLOCK, null, 0, 0);
    assertEquals(incompressible, check.test(block, block.length, dictionary, dictionaryEnd, dictionaryLength), name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("blocks")
  void looksOnlyAtTheGivenLength(String name, byte[] block, byte[] dictionary, boolean incompressible) {
    byte[] longer = Arrays.copyOf(block, block.length + 5000); // zeros after the block's length
    int dictionaryLength = dictionary == null ? 0 : ParallelGzipOutputStream.DICTIONARY_SIZE;
    int dictionaryEnd = dictionary == null ? 0 : dictionary.length;
    assertEquals(incompressible, new IncompressibleCheck().test(longer, block.length, dictionary, dictionaryEnd,
        dictionaryLength), name);
  }
}
