package dev.estiba.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.run.state.Mounts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SIGTERM to a JVM in the middle of a step leaves no process, mount, container state or temp dir. */
class InterruptionTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"runc", "chroot"})
  void sigtermLeavesNothingBehind(String isolation) throws Exception {
    Path cache = Files.createDirectories(tmp.resolve("cache"));
    String seconds = sleepSeconds(100_000, isolation);
    Process jvm = startStep(cache, isolation, seconds);
    try {
      assertStepRunning(jvm, seconds);
      jvm.destroy(); // SIGTERM
      assertTrue(jvm.waitFor(60, TimeUnit.SECONDS), "the JVM did not exit after SIGTERM");
      assertEquals(0, sleepersSettlingAt(0, seconds), "the step's process survived");
      assertEquals(List.of(), Mounts.under(tmp));
      try (Stream<Path> left = Files.list(cache.resolve("run"))) {
        assertEquals(List.of(), left.toList(), "step state left behind");
      }
    } finally {
      // Even when an assertion failed: SIGTERM first, so the JVM still cleans up after itself.
      jvm.destroy();
      if (!jvm.waitFor(30, TimeUnit.SECONDS)) {
        jvm.destroyForcibly();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"runc", "chroot"})
  void aKilledJvmsStepIsCleanedAtTheNextStart(String isolation) throws Exception {
    Path cache = Files.createDirectories(tmp.resolve("cache"));
    String seconds = sleepSeconds(200_000, isolation);
    Process jvm = startStep(cache, isolation, seconds);
    try {
      assertStepRunning(jvm, seconds);
      jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertTrue(jvm.waitFor(30, TimeUnit.SECONDS));
      List<Path> stale;
      try (Stream<Path> dirs = Files.list(cache.resolve("run"))) {
        stale = dirs.toList();
      }
      assertEquals(1, stale.size(), "the killed run's state dir");
      assertEquals(1, sleepers(seconds), "the step outlives a killed JVM until the next start");
      StepRunner.create(cache, Isolation.parse(isolation));
      assertEquals(0, sleepersSettlingAt(0, seconds), "the janitor did not stop the step");
      assertTrue(Files.notExists(stale.get(0)), "the janitor did not remove the state dir");
      String id = stale.get(0).getFileName().toString();
      assertTrue(Files.notExists(Path.of("/sys/fs/cgroup/memory/estiba", id)), "the step's cgroup survived");
      assertEquals(List.of(), Mounts.under(tmp));
    } finally {
      jvm.destroyForcibly();
    }
  }

  /** A sleep length no other run uses, to find a surviving process by its command line. */
  private static String sleepSeconds(long base, String isolation) {
    return Long.toString(base + ProcessHandle.current().pid() * 2 + (isolation.equals("runc") ? 0 : 1));
  }

  /** A new JVM running {@link InterruptedRunMain}: one step sleeping {@code seconds} on a busybox root. */
  private Process startStep(Path cache, String isolation, String seconds) throws Exception {
    Path base = BusyboxRootfs.create(Files.createDirectories(tmp.resolve("base")));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            InterruptedRunMain.class.getName(), cache.toString(), base.toString(), isolation, seconds)
        .redirectErrorStream(true)
        .start();
  }

  private static void assertStepRunning(Process jvm, String seconds) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("started", out.readLine());
    assertEquals(1, sleepersSettlingAt(1, seconds), "the step should be running");
  }

  /** The count of our sleep processes once it reaches {@code expected}, or after 10 s. */
  private static long sleepersSettlingAt(long expected, String seconds) throws Exception {
    long count = sleepers(seconds);
    for (int i = 0; i < 100 && count != expected; i++) {
      Thread.sleep(100);
      count = sleepers(seconds);
    }
    return count;
  }

  private static long sleepers(String seconds) throws Exception {
    long count = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String cmdline = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
          if (cmdline.equals("sleep\0" + seconds + "\0")) {
            count++;
          }
        } catch (java.io.IOException e) {
          // Gone meanwhile.
        }
      }
    }
    return count;
  }
}
