package dev.estiba.run;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** One way of isolating a step: an OCI runtime, or the built-in namespaces. */
public interface Backend {

  Isolation isolation();

  /** Why this backend cannot work on this host, naming the alternative; empty when it can. */
  Optional<String> unavailableReason();

  /** Whether the backend joins the step to its cgroup itself (else the runtime does). */
  boolean joinsCgroupItself();

  /**
   * Writes what the step needs into its state directory and returns the command to start; its
   * standard streams are the step's.
   */
  List<String> command(StepContext context) throws IOException;

  /**
   * After the command ended with {@code exitCode}: a message when the backend failed before the
   * step's process started (so the exit code is not the process's), else empty.
   */
  Optional<String> setupFailure(StepContext context, int exitCode) throws IOException;

  /** Stops a running step (interrupt, shutdown); the started command is killed as well. */
  void stop(StepContext context);
}
