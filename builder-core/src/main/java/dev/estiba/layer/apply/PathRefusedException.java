package dev.estiba.layer.apply;

/** A path that would leave the root or cannot be resolved inside it. */
final class PathRefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  PathRefusedException(String reason) {
    super(reason, null, false, false);
  }
}
