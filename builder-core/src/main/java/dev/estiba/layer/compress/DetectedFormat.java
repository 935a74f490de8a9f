package dev.estiba.layer.compress;

/** What a layer blob turned out to be, by its first bytes. */
public enum DetectedFormat {
  /** {@code 1f 8b}. */
  GZIP,
  /** {@code 28 b5 2f fd}. */
  ZSTD,
  /** {@code BZh}. */
  BZIP2,
  /** {@code fd 37 7a 58 5a 00}. */
  XZ,
  /** No known compression magic: read as a plain tar. */
  NONE
}
