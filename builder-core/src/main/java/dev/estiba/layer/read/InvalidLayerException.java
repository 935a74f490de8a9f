package dev.estiba.layer.read;

import java.io.IOException;

/**
 * A layer that cannot be read or applied safely: a hostile or malformed entry, a corrupt or
 * truncated stream, or content that does not match its diff id. The message names the layer and,
 * where there is one, the entry.
 */
public final class InvalidLayerException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String layer;
  private final String entry;
  private final String reason;

  /**
   * @param layer the layer's name (its digest, or a file name)
   * @param entry the tar entry name, or {@code null} when the problem is the layer as a whole
   * @param reason what is wrong, without the layer and entry
   * @param cause the underlying error, or {@code null}
   */
  public InvalidLayerException(String layer, String entry, String reason, Throwable cause) {
    super(format(layer, entry, reason), cause);
    this.layer = layer;
    this.entry = entry;
    this.reason = reason;
  }

  /** An error about one entry. */
  public InvalidLayerException(String layer, String entry, String reason) {
    this(layer, entry, reason, null);
  }

  /** The layer's name. */
  public String layer() {
    return layer;
  }

  /** The entry's name as printed (NUL shown as {@code \0}), or {@code null}. */
  public String entry() {
    return entry == null ? null : printable(entry);
  }

  /** What is wrong. */
  public String reason() {
    return reason;
  }

  private static String format(String layer, String entry, String reason) {
    return "layer " + layer + (entry == null ? "" : ": entry \"" + printable(entry) + "\"")
        + ": " + reason;
  }

  /** Shows control characters as escapes so an entry name cannot garble a message. */
  static String printable(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) {
        b.append("\\0");
      } else if (c < 0x20 || c == 0x7f) {
        b.append(String.format("\\x%02x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
