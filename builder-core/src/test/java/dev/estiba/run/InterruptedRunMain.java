package dev.estiba.run;

import dev.estiba.run.rootfs.RootFs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A JVM that runs one long step, for {@link InterruptionTest} to send SIGTERM to. Arguments: cache
 * dir, base layer dir, isolation, sleep seconds.
 */
public final class InterruptedRunMain {
  private InterruptedRunMain() {}

  public static void main(String[] args) throws Exception {
    Path cache = Path.of(args[0]);
    Path upper = Files.createDirectories(cache.resolve("upper"));
    StepRunner runner = StepRunner.create(cache, Isolation.parse(args[2]));
    runner.run(
        RunSpec.of(
            new RootFs.Layered(List.of(Path.of(args[1])), upper),
            ProcessSpec.of("/bin/sh", "-c", "echo started; sleep " + args[3] + "; echo finished")),
        new StdStreams(null, System.out, System.err));
  }
}
