package dev.estiba.layer.read;

/** The OCI whiteout names (image-spec layer.md, "Whiteouts"). */
public final class Whiteouts {

  /** Prefix of a file that hides {@code NAME} of the lower layers: {@code .wh.NAME}. */
  public static final String PREFIX = ".wh.";
  /** A file that hides every lower-layer child of its directory. */
  public static final String OPAQUE = ".wh..wh..opq";

  private Whiteouts() {}

  /** True for {@code .wh.NAME} and for the opaque marker. */
  public static boolean isWhiteout(String fileName) {
    return fileName.startsWith(PREFIX);
  }

  /** True for the opaque marker. */
  public static boolean isOpaque(String fileName) {
    return fileName.equals(OPAQUE);
  }

  /**
   * The name a {@code .wh.NAME} file hides, or {@code null} when it hides nothing valid (empty,
   * {@code .} or {@code ..}).
   */
  public static String hiddenName(String fileName) {
    String hidden = fileName.substring(PREFIX.length());
    return hidden.isEmpty() || hidden.equals(".") || hidden.equals("..") ? null : hidden;
  }
}
