package dev.estiba.layer.compress;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Tells, from a block's bytes alone, that deflate would gain next to nothing on it (random data, or data that
 * is already compressed), so the block can be written as stored deflate blocks instead of spending level-6
 * effort on it. Level 6 costs zlib about 30 ns a byte even on random data; this check costs about 2.
 *
 * <p>A block counts as incompressible when both of deflate's means fail: its bytes are spread so evenly that
 * Huffman codes could save at most {@link #MIN_BITS_PER_BYTE}'s complement (order-0 entropy), and repeats of 4
 * bytes or more within deflate's 32 KiB window (the dictionary included) cover less than 1/256 of it. So a
 * block stored rather than deflated is larger than zlib's output by well under 1%, and random data, which zlib
 * itself stores, comes out a little smaller.
 *
 * <p>The answer is a pure function of the bytes (integer counts and {@link StrictMath}), so the output stays the
 * same whatever the thread count, JIT state or machine. One instance per thread: it keeps its tables.
 */
final class IncompressibleCheck {

  /** Blocks shorter than this are always deflated: too little to gain, and the last block may be tiny. */
  static final int MIN_LENGTH = 16 * 1024;

  /** Order-0 entropy a block must reach, in bits per byte (8 is uniform). */
  static final double MIN_BITS_PER_BYTE = 7.96;

  private static final int HASH_BITS = 15;
  private static final int WINDOW = 32 * 1024;
  private static final int MIN_MATCH = 4;
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private final int[] counts = new int[256];
  // Position + 1 of the last 4-byte sequence with each hash; 0 is empty. Positions count from the
  // dictionary's start, so one table serves both arrays.
  private final int[] last = new int[1 << HASH_BITS];

  /**
   * Whether {@code block[0, length)} is not worth deflating, given the {@code dictionaryLength} bytes that
   * end at {@code dictionary[dictionaryEnd]} (deflate's window before the block; 0 when none).
   */
  boolean test(byte[] block, int length, byte[] dictionary, int dictionaryEnd, int dictionaryLength) {
    if (length < MIN_LENGTH) {
      return false;
    }
    return evenlySpread(block, length) && fewRepeats(block, length, dictionary, dictionaryEnd, dictionaryLength);
  }

  private boolean evenlySpread(byte[] block, int length) {
    int[] c = counts;
    Arrays.fill(c, 0);
    for (int i = 0; i < length; i++) {
      c[block[i] & 0xff]++;
    }
    // Entropy in bits: sum of n * log2(length / n) = length * log2(length) - sum of n * log2(n).
    double sum = 0;
    for (int n : c) {
      if (n > 1) {
        sum += n * StrictMath.log(n);
      }
    }
    double bits = (length * StrictMath.log(length) - sum) / StrictMath.log(2);
    return bits >= MIN_BITS_PER_BYTE * length;
  }

  private boolean fewRepeats(byte[] block, int length, byte[] dictionary, int dictionaryEnd, int dictionaryLength) {
    int[] table = last;
    Arrays.fill(table, 0);
    int d = Math.min(dictionaryLength, WINDOW);
    int dictionaryStart = dictionaryEnd - d;
    // The dictionary's sequences are only remembered: matches are counted in the block.
    for (int i = 0; i + MIN_MATCH <= d; i++) {
      table[hash((int) INT.get(dictionary, dictionaryStart + i))] = i + 1;
    }
    int budget = length >>> 8;
    int repeated = 0;
    int i = 0;
    while (i + MIN_MATCH <= length) {
      int v = (int) INT.get(block, i);
      int h = hash(v);
      int candidate = table[h] - 1;
      int at = d + i;
      table[h] = at + 1;
      if (candidate >= 0 && at - candidate <= WINDOW && value(block, dictionary, dictionaryStart, d, candidate) == v) {
        int n = matchLength(block, length, dictionary, dictionaryStart, d, candidate, i);
        repeated += n;
        if (repeated > budget) {
          return false;
        }
        i += n;
      } else {
        i++;
      }
    }
    return true;
  }

  private static int hash(int v) {
    return (v * 0x9E3779B1) >>> (32 - HASH_BITS);
  }

  /** The 4 bytes at combined position {@code p} (dictionary first, then block), which lie wholly in one array. */
  private static int value(byte[] block, byte[] dictionary, int dictionaryStart, int d, int p) {
    if (p >= d) {
      return (int) INT.get(block, p - d);
    }
    if (p + MIN_MATCH <= d) {
      return (int) INT.get(dictionary, dictionaryStart + p);
    }
    int v = 0;
    for (int k = MIN_MATCH - 1; k >= 0; k--) {
      v = v << 8 | byteAt(block, dictionary, dictionaryStart, d, p + k) & 0xff;
    }
    return v;
  }

  private static byte byteAt(byte[] block, byte[] dictionary, int dictionaryStart, int d, int p) {
    return p >= d ? block[p - d] : dictionary[dictionaryStart + p];
  }

  /** How far the bytes at combined position {@code candidate} equal those at block position {@code i}. */
  private static int matchLength(byte[] block, int length, byte[] dictionary, int dictionaryStart, int d,
                                 int candidate, int i) {
    int n = MIN_MATCH;
    while (i + n < length && n < 258
        && byteAt(block, dictionary, dictionaryStart, d, candidate + n) == block[i + n]) {
      n++;
    }
    return n;
  }
}
