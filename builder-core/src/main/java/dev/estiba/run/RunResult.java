package dev.estiba.run;

/**
 * How a step's process ended.
 *
 * @param exitCode the exit code as a shell reports it (128 + signal when killed)
 * @param termination why it ended
 * @param reason a sentence for the user when it did not simply exit, empty otherwise
 */
public record RunResult(int exitCode, Termination termination, String reason) {

  /** Why the process ended. */
  public enum Termination {
    EXITED,
    KILLED_BY_SIGNAL,
    OUT_OF_MEMORY
  }

  public boolean succeeded() {
    return termination == Termination.EXITED && exitCode == 0;
  }

  /** "exit code: 2", or the exit code with the reason. */
  public String describe() {
    return reason.isEmpty() ? "exit code: " + exitCode : "exit code: " + exitCode + " (" + reason + ")";
  }
}
