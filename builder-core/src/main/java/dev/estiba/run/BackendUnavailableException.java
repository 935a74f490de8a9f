package dev.estiba.run;

/** The chosen isolation backend cannot work on this host; the message says why and what to use. */
public class BackendUnavailableException extends RunException {
  private static final long serialVersionUID = 1L;

  public BackendUnavailableException(String message) {
    super(message);
  }
}
