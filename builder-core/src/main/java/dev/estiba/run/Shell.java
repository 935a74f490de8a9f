package dev.estiba.run;

/** Quoting for the POSIX shell scripts the backends generate. */
public final class Shell {
  private Shell() {}

  /** The text as one single-quoted shell word. */
  public static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
