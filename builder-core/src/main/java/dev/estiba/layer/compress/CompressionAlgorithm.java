package dev.estiba.layer.compress;

import java.util.Locale;

/** The compressions estiba writes layers with, with the media type suffix each gives a layer. */
public enum CompressionAlgorithm {
  /** gzip (RFC 1952), written in parallel blocks as pigz does. */
  GZIP("+gzip", 6, 1, 9),
  /** Zstandard (RFC 8878) through zstd-jni. */
  ZSTD("+zstd", 3, 1, 19),
  /** Plain tar. */
  NONE("", 0, 0, 0);

  private final String mediaTypeSuffix;
  private final int defaultLevel;
  private final int minLevel;
  private final int maxLevel;

  CompressionAlgorithm(String mediaTypeSuffix, int defaultLevel, int minLevel, int maxLevel) {
    this.mediaTypeSuffix = mediaTypeSuffix;
    this.defaultLevel = defaultLevel;
    this.minLevel = minLevel;
    this.maxLevel = maxLevel;
  }

  /** Suffix of the layer media type: {@code +gzip}, {@code +zstd} or nothing. */
  public String mediaTypeSuffix() {
    return mediaTypeSuffix;
  }

  /** The level used when none is given: gzip 6 and zstd 3, as their command line tools do. */
  public int defaultLevel() {
    return defaultLevel;
  }

  /** Lowest accepted level. */
  public int minLevel() {
    return minLevel;
  }

  /** Highest accepted level. */
  public int maxLevel() {
    return maxLevel;
  }

  /** The lower-case name used on the command line ({@code gzip}, {@code zstd}, {@code none}). */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code gzip}, {@code zstd} or {@code none} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static CompressionAlgorithm parse(String name) {
    for (CompressionAlgorithm a : values()) {
      if (a.cliName().equalsIgnoreCase(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unknown compression \"" + name + "\": expected gzip, zstd or none");
  }
}
