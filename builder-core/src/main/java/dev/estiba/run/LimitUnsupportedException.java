package dev.estiba.run;

/** The host does not let us set a requested resource limit; we refuse rather than ignore it. */
public class LimitUnsupportedException extends RunException {
  private static final long serialVersionUID = 1L;

  public LimitUnsupportedException(String message) {
    super(message);
  }
}
