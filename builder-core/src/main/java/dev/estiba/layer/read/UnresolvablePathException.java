package dev.estiba.layer.read;

/** A path that would leave the root, loops through symlinks, or runs through a non-directory. */
public final class UnresolvablePathException extends Exception {

  private static final long serialVersionUID = 1L;

  /** @param reason what is wrong, e.g. {@code symlink "a" leads outside the root} */
  public UnresolvablePathException(String reason) {
    super(reason, null, false, false);
  }
}
