package dev.estiba.layer.apply;

/**
 * How layers are applied to a directory.
 *
 * @param restoreOwners set each entry's uid and gid (lchown); needs root
 * @param allowDevices create character and block devices (with {@code mknod}); needs root, else
 *     device entries are refused
 * @param maxEntrySize largest file accepted, in bytes; larger ones are refused as hostile
 * @param whiteoutMarker keeps whiteouts and opaque directories as markers instead of removing
 *     lower layers' files, or {@code null} to remove them
 */
public record ApplyOptions(boolean restoreOwners, boolean allowDevices, long maxEntrySize,
    WhiteoutMarker whiteoutMarker) {

  /** 64 GiB: larger than any sane file in a container image. */
  public static final long DEFAULT_MAX_ENTRY_SIZE = 64L << 30;

  /** Checks the size limit. */
  public ApplyOptions {
    if (maxEntrySize < 0) {
      throw new IllegalArgumentException("maxEntrySize must not be negative");
    }
  }

  /** Options that remove what whiteouts hide. */
  public ApplyOptions(boolean restoreOwners, boolean allowDevices, long maxEntrySize) {
    this(restoreOwners, allowDevices, maxEntrySize, null);
  }

  /** Owners restored when this process is root; devices refused. */
  public static ApplyOptions defaults() {
    return new ApplyOptions(Privileges.isRoot(), false, DEFAULT_MAX_ENTRY_SIZE);
  }

  /** These options with devices allowed or not. */
  public ApplyOptions withAllowDevices(boolean allow) {
    return new ApplyOptions(restoreOwners, allow, maxEntrySize, whiteoutMarker);
  }

  /** These options with owners restored or not. */
  public ApplyOptions withRestoreOwners(boolean restore) {
    return new ApplyOptions(restore, allowDevices, maxEntrySize, whiteoutMarker);
  }

  /** These options with another size limit. */
  public ApplyOptions withMaxEntrySize(long max) {
    return new ApplyOptions(restoreOwners, allowDevices, max, whiteoutMarker);
  }

  /** These options with whiteouts kept as markers ({@code null}: removing lower files). */
  public ApplyOptions withWhiteoutMarker(WhiteoutMarker marker) {
    return new ApplyOptions(restoreOwners, allowDevices, maxEntrySize, marker);
  }
}
