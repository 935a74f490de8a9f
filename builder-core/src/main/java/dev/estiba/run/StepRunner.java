package dev.estiba.run;

import dev.estiba.run.RunResult.Termination;
import dev.estiba.run.cgroup.CgroupScope;
import dev.estiba.run.cgroup.Cgroups;
import dev.estiba.run.diff.ChangeSet;
import dev.estiba.run.diff.Leftovers;
import dev.estiba.run.diff.LowerView;
import dev.estiba.run.diff.UpperDirReader;
import dev.estiba.run.diff.WorkingCopy;
import dev.estiba.run.rootfs.OverlayProbe;
import dev.estiba.run.rootfs.OverlayOptions;
import dev.estiba.run.rootfs.RootFs;
import dev.estiba.run.state.ActiveRuns;
import dev.estiba.run.state.Janitor;
import dev.estiba.run.state.StateCleaner;
import dev.estiba.run.state.StepDir;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs steps in isolated containers without a daemon.
 *
 * <pre>{@code
 * StepRunner runner = StepRunner.create(cacheDir, Isolation.AUTO);
 * StepOutcome outcome = runner.run(
 *     RunSpec.of(new RootFs.Layered(layerDirs, upperDir), ProcessSpec.of("/bin/sh", "-c", "make")),
 *     new StdStreams(null, System.out, System.err));
 * }</pre>
 *
 * Creating a runner cleans what runs of killed JVMs left under {@code <cacheDir>/run}. Each step
 * leaves nothing behind when it returns or throws, nor when the JVM is stopped by SIGINT or SIGTERM.
 */
public final class StepRunner {
  private final Path runRoot;
  private final Backend backend;
  private final Cgroups cgroups;
  private final boolean overlay;

  private StepRunner(Path runRoot, Backend backend, Cgroups cgroups, boolean overlay) {
    this.runRoot = runRoot;
    this.backend = backend;
    this.cgroups = cgroups;
    this.overlay = overlay;
  }

  /** How a layered root is made. */
  public enum RootMode {
    /** overlayfs where it can be mounted here, else a working copy. */
    AUTO,
    OVERLAY,
    /** A merged copy of the layers and a tree diff afterwards: slower, works anywhere. */
    WORKING_COPY
  }

  /**
   * A runner keeping its state under {@code <cacheDir>/run}.
   *
   * @throws BackendUnavailableException when the isolation cannot work on this host
   */
  public static StepRunner create(Path cacheDir, Isolation isolation) throws IOException {
    return create(cacheDir, isolation, RootMode.AUTO);
  }

  /** A runner with a chosen way of making layered roots. */
  public static StepRunner create(Path cacheDir, Isolation isolation, RootMode rootMode) throws IOException {
    Path runRoot = Files.createDirectories(cacheDir.resolve("run"));
    Janitor.cleanStale(runRoot);
    Cgroups cgroups = Cgroups.detect();
    Backend backend = Backends.select(isolation, cgroups, Executables.runningAsRoot());
    boolean overlay =
        switch (rootMode) {
          case OVERLAY -> true;
          case WORKING_COPY -> false;
          case AUTO -> OverlayProbe.works(runRoot);
        };
    return new StepRunner(runRoot, backend, cgroups, overlay);
  }

  /** Whether layered roots are overlay mounts (else working copies). */
  public boolean usesOverlay() {
    return overlay;
  }

  /** The backend in use (what {@code auto} chose). */
  public Isolation isolation() {
    return backend.isolation();
  }

  /**
   * Runs one step to completion.
   *
   * @throws RunException when the step could not be started (the message says why)
   * @throws LimitUnsupportedException when a requested limit cannot be set on this host
   */
  public StepOutcome run(RunSpec requested, StdStreams io) throws IOException, InterruptedException {
    cgroups.requireSupported(requested.limits());
    RunSpec spec = HomeDirectory.withHome(requested);
    StepDir dir = StepDir.create(runRoot);
    CgroupScope cgroup = cgroups.scope(dir.id());
    Process[] started = new Process[1];
    StepContext[] contextHolder = new StepContext[1];
    WorkingCopy[] copy = new WorkingCopy[1];
    // The shutdown hook and this thread may both clean; one at a time, so the hook waits for a
    // cleanup in progress before the JVM halts.
    Object cleaning = new Object();
    Runnable cleanup =
        () -> {
          synchronized (cleaning) {
            if (contextHolder[0] != null) {
              backend.stop(contextHolder[0]);
            }
            if (started[0] != null) {
              started[0].destroyForcibly();
            }
            StateCleaner.clean(dir.path());
          }
        };
    ActiveRuns.register(cleanup);
    RunResult result;
    try {
      StepContext context = prepare(spec, dir, cgroup, copy);
      contextHolder[0] = context;
      ProcessBuilder builder = new ProcessBuilder(backend.command(context));
      if (spec.process().terminal()) {
        // The terminal is this process's own; the backend puts a pty of the container's between.
        builder.inheritIO();
      }
      Process process = builder.start();
      started[0] = process;
      dir.record("child.pid", Long.toString(process.pid()));
      dir.record(
          "child.start", process.info().startInstant().map(Instant::toString).orElse(""));
      int exitCode = spec.process().terminal() ? process.waitFor() : waitWithStreams(process, io);
      var failure = backend.setupFailure(context, exitCode);
      if (failure.isPresent()) {
        throw new RunException(failure.get());
      }
      result =
          interpret(
              exitCode,
              cgroup.oomKills(),
              spec.limits().memoryBytes() > 0 && cgroup.memoryLimitReached(),
              spec.limits());
      if (copy[0] != null) {
        copy[0].writeChanges(((RootFs.Layered) spec.rootFs()).upper());
      }
    } catch (InterruptedException e) {
      cleanup.run();
      throw e;
    } finally {
      if (started[0] != null && started[0].isAlive()) {
        cleanup.run();
      }
      synchronized (cleaning) {
        StateCleaner.clean(dir.path());
        dir.close();
      }
      ActiveRuns.unregister(cleanup);
    }
    return new StepOutcome(result, changes(spec), backend.isolation());
  }

  private StepContext prepare(RunSpec spec, StepDir dir, CgroupScope cgroup, WorkingCopy[] copy)
      throws IOException {
    Path root;
    String overlayOptions = "";
    if (spec.rootFs() instanceof RootFs.Layered layered && !overlay) {
      Files.createDirectories(layered.upper());
      copy[0] = WorkingCopy.create(layered.lowers(), dir.resolve("copy"));
      root = copy[0].root();
    } else if (spec.rootFs() instanceof RootFs.Layered layered) {
      root = Files.createDirectories(dir.resolve("root"));
      Path work = Files.createDirectories(dir.resolve("work"));
      List<Path> lowers = layered.lowers();
      if (lowers.isEmpty()) {
        // overlayfs needs a lower directory; FROM scratch gets an empty one.
        lowers = List.of(Files.createDirectories(dir.resolve("empty")));
      }
      Files.createDirectories(layered.upper());
      // The merged root takes the upper directory's mode: a temporary directory's 0700 would keep a
      // non-root USER out of "/", where BuildKit's root is 0755.
      Files.setPosixFilePermissions(layered.upper(), PosixFilePermissions.fromString("rwxr-xr-x"));
      try {
        overlayOptions = OverlayOptions.of(lowers, layered.upper().toAbsolutePath(), work);
      } catch (IllegalArgumentException e) {
        throw new RunException(e.getMessage(), e);
      }
    } else {
      root = ((RootFs.Directory) spec.rootFs()).dir().toAbsolutePath();
    }
    List<BoundFile> etcFiles = EtcFiles.write(dir.path(), spec.process());
    List<Path> procs = new ArrayList<>();
    if (backend.joinsCgroupItself() && spec.limits().any()) {
      procs.addAll(cgroup.createWithLimits(spec.limits()));
    } else if (spec.limits().memoryBytes() > 0) {
      // The runtime's cgroup (limited by the runtime) sits below this scope; the scope gets the same
      // limit so that its peak usage, which outlives the runtime's cgroup, shows an OOM.
      cgroup.createWithLimits(new ResourceLimits(spec.limits().memoryBytes(), 0, 0));
    } else {
      cgroup.create();
    }
    return new StepContext(dir, spec, root, overlayOptions, etcFiles, cgroup, procs);
  }

  private static int waitWithStreams(Process process, StdStreams io) throws InterruptedException {
    Thread in = pump(io.in(), process.getOutputStream(), true, "stdin");
    Thread out = pump(process.getInputStream(), io.out(), false, "stdout");
    Thread err = pump(process.getErrorStream(), io.err(), false, "stderr");
    int exitCode = process.waitFor();
    out.join();
    err.join();
    if (in != null) {
      in.interrupt();
    }
    return exitCode;
  }

  /** Copies a stream on a daemon thread; closes the target only for the process's stdin. */
  private static Thread pump(InputStream from, OutputStream to, boolean closeTarget, String name) {
    if (from == null) {
      try {
        to.close();
      } catch (IOException e) {
        // The process is already gone.
      }
      return null;
    }
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try {
                int n;
                while ((n = from.read(buffer)) >= 0) {
                  to.write(buffer, 0, n);
                  to.flush();
                }
              } catch (IOException e) {
                // The other side closed: the process ended or stopped reading.
              } finally {
                if (closeTarget) {
                  try {
                    to.close();
                  } catch (IOException e) {
                    // Same.
                  }
                }
              }
            },
            "estiba-run-" + name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /**
   * An OOM kill in the scope, or a SIGKILL after the memory use reached the limit (the kill was
   * counted in the runtime's removed cgroup), is reported as out of memory.
   */
  static RunResult interpret(int exitCode, long oomKills, boolean limitReached, ResourceLimits limits) {
    boolean sigkill = exitCode == 128 + 9;
    if (exitCode != 0 && (oomKills > 0 || (sigkill && limitReached))) {
      return new RunResult(
          exitCode,
          Termination.OUT_OF_MEMORY,
          "killed by the kernel: the step exceeded its memory limit of "
              + humanBytes(limits.memoryBytes()) + " (out of memory)");
    }
    if (exitCode > 128 && exitCode <= 128 + 64) {
      return new RunResult(exitCode, Termination.KILLED_BY_SIGNAL, "killed by signal " + (exitCode - 128));
    }
    return new RunResult(exitCode, Termination.EXITED, "");
  }

  static String humanBytes(long bytes) {
    if (bytes > 0 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MiB";
    }
    return bytes + " bytes";
  }

  private static ChangeSet changes(RunSpec spec) throws IOException {
    if (!(spec.rootFs() instanceof RootFs.Layered layered)) {
      return new ChangeSet(List.of());
    }
    List<String> targets = spec.mounts().stream().map(MountSpec::target).toList();
    return new UpperDirReader(new LowerView(layered.lowers()), Leftovers.of(targets))
        .read(layered.upper());
  }
}
