package dev.estiba.run.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Short helper commands (umount, runc delete) whose output only matters when they fail. */
public final class Commands {
  private Commands() {}

  /** The command's exit code and combined output. */
  public record Outcome(int exitCode, String output) {}

  /** Runs a command to completion (at most 30 s), stdin closed. */
  public static Outcome run(List<String> command) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Outcome(-1, output + "\n(timed out)");
      }
      return new Outcome(process.exitValue(), output.strip());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return new Outcome(-1, "interrupted");
    }
  }

  /** Runs a cleanup command, ignoring its failure (there is nothing more to undo then). */
  public static Outcome runQuietly(List<String> command) {
    try {
      return run(command);
    } catch (IOException e) {
      return new Outcome(-1, e.getMessage());
    }
  }
}
