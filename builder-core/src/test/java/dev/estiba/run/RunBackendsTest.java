package dev.estiba.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.estiba.run.RunResult.Termination;
import dev.estiba.run.cgroup.Cgroups;
import dev.estiba.run.rootfs.RootFs;
import dev.estiba.run.state.Mounts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real steps through each backend that works here, as root, on a busybox-static root. */
class RunBackendsTest {
  @TempDir static Path shared;
  static Path base;
  static Path dataLayer;

  @TempDir Path cache;
  private final AtomicInteger uppers = new AtomicInteger();

  @BeforeAll
  static void layers() throws Exception {
    base = BusyboxRootfs.create(Files.createDirectories(shared.resolve("base")));
    dataLayer = Files.createDirectories(shared.resolve("data-layer"));
    Path data = Files.createDirectories(dataLayer.resolve("data"));
    Files.writeString(data.resolve("keep"), "keep\n");
    Files.writeString(data.resolve("remove"), "remove\n");
    Files.writeString(data.resolve("modme"), "mod\n");
    Path replace = Files.createDirectories(data.resolve("replace"));
    Files.writeString(replace.resolve("old"), "old\n");
  }

  private static final List<Path> SCOPES =
      List.of(Path.of("/sys/fs/cgroup/memory/estiba"), Path.of("/sys/fs/cgroup/pids/estiba"));

  @AfterEach
  void nothingLeftBehind() throws IOException {
    assertEquals(List.of(), Mounts.under(cache), "mounts left under the cache dir");
    Path runRoot = cache.resolve("run");
    if (Files.isDirectory(runRoot)) {
      try (Stream<Path> left = Files.list(runRoot)) {
        assertEquals(List.of(), left.toList(), "step state left behind");
      }
    }
    // Only this test's steps: other suites may run steps on this machine at the same time.
    String ours = dev.estiba.run.state.StepDir.idPrefix(runRoot);
    List<Path> left = new ArrayList<>();
    for (Path hierarchy : SCOPES) {
      if (Files.isDirectory(hierarchy)) {
        try (Stream<Path> children = Files.list(hierarchy)) {
          children.filter(p -> p.getFileName().toString().startsWith(ours)).forEach(left::add);
        }
      }
    }
    assertEquals(List.of(), left, "step cgroups left behind");
  }

  private StepRunner runner(String isolation) throws IOException {
    return StepRunner.create(cache, Isolation.parse(isolation));
  }

  private RootFs.Layered layered(Path... lowers) throws IOException {
    Path upper = Files.createDirectories(cache.resolve("upper-" + uppers.incrementAndGet()));
    return new RootFs.Layered(List.of(lowers), upper);
  }

  /** Runs and returns [stdout, stderr]. */
  private static String[] run(StepRunner runner, RunSpec spec, int expectedExit) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StepOutcome outcome = runner.run(spec, new StdStreams(null, out, err));
    String stdout = out.toString(StandardCharsets.UTF_8);
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertEquals(expectedExit, outcome.result().exitCode(), "stdout: " + stdout + "\nstderr: " + stderr);
    return new String[] {stdout, stderr};
  }

  private static ProcessSpec sh(String script) {
    return ProcessSpec.of("/bin/sh", "-c", script);
  }

  @ParameterizedTest
  @ValueSource(strings = {"runc", "chroot"})
  void echoes(String isolation) throws Exception {
    StepRunner runner = runner(isolation);
    assertEquals(Isolation.parse(isolation), runner.isolation());
    String[] io = run(runner, RunSpec.of(layered(base), ProcessSpec.of("echo", "hello", "world")), 0);
    assertEquals("hello world\n", io[0]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"runc", "chroot"})
  void exitCodesPropagate(String isolation) throws Exception {
    StepRunner runner = runner(isolation);
    for (int code : new int[] {0, 1, 7, 255}) {
      StepOutcome outcome =
          runner.run(RunSpec.of(layered(base), sh("exit " + code)), new StdStreams(null, OutputStream.nullOutputStream(), OutputStream.nullOutputStream()));
      assertEquals(new RunResult(code, Termination.EXITED, ""), outcome.result());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"runc", "chroot"})
  void stdinReachesTheProcess(String isolation) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    runner(isolation).run(
        RunSpec.of(layered(base), ProcessSpec.of("tr", "a-z", "A-Z")),
        new StdStreams(new java.io.ByteArrayInputStream("piped in\n".getBytes(StandardCharsets.UTF_8)), out, OutputStream.nullOutputStream()));
    assertEquals("PIPED IN\n", out.toString(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"runc", "chroot"})
  void envCwdUserAndHostname(String isolation) throws Exception {
    ProcessSpec process =
        sh("echo \"$FOO|$(pwd)|$(id -u)|$(id -g)|$(id -G)|$(hostname)|$(cat /etc/hostname)\"; env | sort")
            .withEnv(List.of("PATH=/bin", "FOO=bar baz"))
            .withCwd("/work/dir")
            .withUser(1000, 1001, List.of(20, 30))
            .withHostname("builder");
    String[] io = run(runner(isolation), RunSpec.of(layered(base), process), 0);
    assertEquals(
        "bar baz|/work/dir|1000|1001|1001 20 30|builder|builder\n"
            + "FOO=bar baz\nHOME=/\nPATH=/bin\nPWD=/work/dir\nSHLVL=1\n",
        io[0]);
  }

  static final String CHANGES_SCRIPT =
      String.join(
          " && ",
          "rm /data/remove",
          "echo new > /data/new",
          "chmod 600 /data/modme",
          "chown 1:2 /data/modme",
          "rm -rf /data/replace",
          "mkdir /data/replace",
          "echo y > /data/replace/y",
          "ln /data/new /data/hard",
          "ln -s new /data/sym",
          "mkdir -p /etc/app",
          "mknod /data/fifo p",
          "chmod 4755 /data/new");

  static final List<String> EXPECTED_CHANGES =
      List.of(
          "D data 0755 0:0",
          "FIFO data/fifo 0644 0:0",
          "F data/hard 4755 0:0 " + BusyboxRootfs.sha("new\n"),
          "F data/modme 0600 1:2 " + BusyboxRootfs.sha("mod\n"),
          "H data/new -> data/hard",
          "- data/remove",
          "D data/replace 0755 0:0",
          "O data/replace",
          "F data/replace/y 0644 0:0 " + BusyboxRootfs.sha("y\n"),
          "S data/sym -> new",
          "D etc 0755 0:0",
          "D etc/app 0755 0:0");

  @ParameterizedTest
  @ValueSource(strings = {"runc", "chroot"})
  void upperDirBecomesTheChangeSet(String isolation) throws Exception {
    RootFs.Layered root = layered(base, dataLayer);
    StepOutcome outcome =
        runner(isolation).run(
            RunSpec.of(root, sh("umask 022 && " + CHANGES_SCRIPT)),
            new StdStreams(null, OutputStream.nullOutputStream(), OutputStream.nullOutputStream()));
    assertEquals(0, outcome.result().exitCode());
    assertEquals(EXPECTED_CHANGES, BusyboxRootfs.describe(outcome.changes()));
    dev.estiba.layer.ChangeSet layer = outcome.layerChanges();
    assertEquals(Set.of("data/remove"), layer.deleted());
    assertEquals(Set.of("data/replace"), layer.opaqueDirectories());
    assertEquals(
        List.of("data", "data/fifo", "data/hard", "data/modme", "data/new", "data/replace",
            "data/replace/y", "data/sym", "etc", "etc/app"),
        layer.entries().stream().map(dev.estiba.layer.ChangeEntry::path).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"runc", "chroot"})
  void workingCopyGivesTheSameChangeSetAsOverlay(String isolation) throws Exception {
    StepRunner runner = StepRunner.create(cache, Isolation.parse(isolation), StepRunner.RootMode.WORKING_COPY);
    assertEquals(false, runner.usesOverlay());
    StepOutcome outcome =
        runner.run(
            RunSpec.of(layered(base, dataLayer), sh("umask 022 && " + CHANGES_SCRIPT)),
            new StdStreams(null, OutputStream.nullOutputStream(), OutputStream.nullOutputStream()));
    assertEquals(0, outcome.result().exitCode());
    assertEquals(EXPECTED_CHANGES, BusyboxRootfs.describe(outcome.changes()));
    StepOutcome touched =
        runner.run(
            RunSpec.of(layered(base, dataLayer), sh("echo changed > /data/keep && rm -rf /data/replace && touch -d @0 /data/modme"))
                .withMounts(List.of(new MountSpec.Tmpfs("/scratch", 0))),
            new StdStreams(null, OutputStream.nullOutputStream(), OutputStream.nullOutputStream()));
    assertEquals(
        List.of("D data 0755 0:0", "F data/keep 0644 0:0 " + BusyboxRootfs.sha("changed\n"),
            "F data/modme 0644 0:0 " + BusyboxRootfs.sha("mod\n"), "- data/replace"),
        BusyboxRootfs.describe(touched.changes()));
  }

  @Test
  void overlayIsUsedWhereItMounts() throws Exception {
    assertEquals(true, StepRunner.create(cache, Isolation.CHROOT).usesOverlay());
  }

  @Test
  void everyBackendGivesTheSameChangeSet() throws Exception {
    List<String> first = null;
    for (String isolation : List.of("runc", "chroot")) {
      StepOutcome outcome =
          runner(isolation).run(
              RunSpec.of(layered(base, dataLayer), sh("umask 022 && " + CHANGES_SCRIPT + " && echo extra > /data/keep")),
              new StdStreams(null, OutputStream.nullOutputStream(), OutputStream.nullOutputStream()));
      List<String> described = BusyboxRootfs.describe(outcome.changes());
      if (first == null) {
        first = described;
      } else {
        assertEquals(first, described, isolation + " differs from runc");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"runc", "chroot"})
  void tmpfsAndBindMountsLeaveNothingInTheChangeSet(String isolation) throws Exception {
    Path hostDir = Files.createDirectories(cache.resolve("host-dir"));
    Path readOnlyDir = Files.createDirectories(cache.resolve("ro-dir"));
    Files.writeString(readOnlyDir.resolve("given"), "given\n");
    Path cacheMount = Files.createDirectories(cache.resolve("cache-mount"));
    RunSpec spec =
        RunSpec.of(
                layered(base),
                sh("echo w > /mnt/host/written && echo t > /scratch/t && cat /ro/given"
                    + " && echo c >> /var/cache/apt/c && ! echo no > /ro/denied 2>/dev/null"
                    + " && df /scratch | tail -1 | awk '{print $2}'"))
            .withMounts(
                List.of(
                    new MountSpec.Bind(hostDir, "/mnt/host", false),
                    new MountSpec.Bind(readOnlyDir, "/ro", true),
                    new MountSpec.Tmpfs("/scratch", 8 * 1024 * 1024),
                    new MountSpec.Cache(cacheMount, "/var/cache/apt")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StepOutcome outcome = runner(isolation).run(spec, new StdStreams(null, out, OutputStream.nullOutputStream()));
    assertEquals(0, outcome.result().exitCode(), out.toString(StandardCharsets.UTF_8));
    assertEquals("given\n8192\n", out.toString(StandardCharsets.UTF_8));
    assertEquals(List.of(), BusyboxRootfs.describe(outcome.changes()));
    assertEquals("w\n", Files.readString(hostDir.resolve("written")));
    assertEquals("c\n", Files.readString(cacheMount.resolve("c")));
    assertTrue(Files.notExists(readOnlyDir.resolve("denied")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"runc", "chroot"})
  void networkNoneCannotReachTheHostWhileHostAndDefaultCan(String isolation) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/ping", exchange -> {
      byte[] body = "pong".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/ping";
      StepRunner runner = runner(isolation);
      ProcessSpec fetch = sh("wget -q -O - " + url);
      assertEquals("pong", run(runner, RunSpec.of(layered(base), fetch).withNetwork(NetworkMode.HOST), 0)[0]);
      assertEquals("pong", run(runner, RunSpec.of(layered(base), fetch).withNetwork(NetworkMode.DEFAULT), 0)[0]);
      String[] none = run(runner, RunSpec.of(layered(base), sh("wget -q -O - " + url + " 2>/dev/null || echo unreachable; ip -o link | cut -d: -f2")), 0);
      assertEquals("unreachable\n lo\n", none[0]);
    } finally {
      server.stop(0);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"runc", "chroot"})
  void memoryLimitKillsTheStep(String isolation) throws Exception {
    StepRunner runner = runner(isolation);
    RunSpec spec =
        RunSpec.of(layered(base), sh("head -c 400000000 /dev/zero | tail"))
            .withLimits(new ResourceLimits(32L * 1024 * 1024, 0, 0));
    if (Cgroups.detect().hierarchyOf("memory") == null) {
      LimitUnsupportedException e = assertThrows(LimitUnsupportedException.class,
          () -> runner.run(spec, new StdStreams(null, OutputStream.nullOutputStream(), OutputStream.nullOutputStream())));
      assertTrue(e.getMessage().startsWith("cannot set limit: --memory"), e.getMessage());
      return;
    }
    StepOutcome outcome = runner.run(spec, new StdStreams(null, OutputStream.nullOutputStream(), OutputStream.nullOutputStream()));
    // Whether the kernel kills tail (exit 137) or tail's allocation fails first (tail exits 1) is the
    // kernel's choice; what must hold is that the step failed and is reported as out of memory.
    RunResult oom = outcome.result();
    assertEquals(Termination.OUT_OF_MEMORY, oom.termination(), oom.toString());
    assertEquals("killed by the kernel: the step exceeded its memory limit of 32 MiB (out of memory)", oom.reason());
    assertTrue(oom.exitCode() == 137 || oom.exitCode() == 1, oom.toString());
    // A SIGKILL well below the limit is not mistaken for running out of memory.
    StepOutcome killed =
        runner.run(RunSpec.of(layered(base), sh("sleep 100 & kill -9 $!; wait $!")).withLimits(new ResourceLimits(64L * 1024 * 1024, 0, 0)),
            new StdStreams(null, OutputStream.nullOutputStream(), OutputStream.nullOutputStream()));
    assertEquals(new RunResult(137, Termination.KILLED_BY_SIGNAL, "killed by signal 9"), killed.result());
  }

  @ParameterizedTest
  @ValueSource(strings = {"runc", "chroot"})
  void pidsLimitStopsForks(String isolation) throws Exception {
    RunSpec spec =
        RunSpec.of(layered(base), sh("i=0; while [ $i -lt 10 ]; do sleep 2 & i=$((i+1)); done; wait; echo done"))
            .withLimits(new ResourceLimits(0, 0.5, 4));
    // ash gives up the script when fork fails: exit code 2, nothing on stdout.
    String[] io = run(runner(isolation), spec, 2);
    assertEquals("", io[0]);
    assertEquals("/bin/sh: can't fork: Resource temporarily unavailable\n", io[1]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"runc", "chroot"})
  void aFailingSetupLeavesNothingBehind(String isolation) throws Exception {
    RunSpec spec =
        RunSpec.of(layered(base), ProcessSpec.of("true"))
            .withMounts(List.of(new MountSpec.Bind(cache.resolve("does-not-exist"), "/x", true)));
    RunException e = assertThrows(RunException.class,
        () -> runner(isolation).run(spec, new StdStreams(null, OutputStream.nullOutputStream(), OutputStream.nullOutputStream())));
    assertTrue(e.getMessage().contains("does-not-exist"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"runc", "chroot"})
  void aMissingCommandFailsTheStep(String isolation) throws Exception {
    StepRunner runner = runner(isolation);
    RunSpec spec = RunSpec.of(layered(base), ProcessSpec.of("/no/such/binary"));
    if (isolation.equals("runc")) {
      RunException e = assertThrows(RunException.class,
          () -> runner.run(spec, new StdStreams(null, OutputStream.nullOutputStream(), OutputStream.nullOutputStream())));
      assertTrue(e.getMessage().startsWith("runc could not start the step: "), e.getMessage());
    } else {
      assertEquals(127, runner.run(spec, new StdStreams(null, OutputStream.nullOutputStream(), OutputStream.nullOutputStream())).result().exitCode());
    }
  }

  @Test
  void crunSaysWhyItCannotRunOnAHybridCgroupHost() throws Exception {
    assumeTrue(Executables.find("crun").isPresent(), "crun is not installed (apt-get install crun)");
    if (Cgroups.detect().hybrid()) {
      BackendUnavailableException e =
          assertThrows(BackendUnavailableException.class, () -> StepRunner.create(cache, Isolation.CRUN));
      assertEquals(
          "crun cannot run steps on this host: it refuses hybrid cgroup hosts (cgroup v1 controllers"
              + " plus a v2 mount; crun says 'cgroups in hybrid mode not supported, drop all"
              + " controllers from cgroupv2'); use --isolation runc or --isolation chroot",
          e.getMessage());
    } else {
      assertEquals("hi\n", run(StepRunner.create(cache, Isolation.CRUN), RunSpec.of(layered(base), ProcessSpec.of("echo", "hi")), 0)[0]);
    }
  }

  @Test
  void stateOfAKilledRunIsCleanedAtTheNextStart() throws Exception {
    Process orphan = new ProcessBuilder("sleep", "300").start();
    try {
      Path stale = Files.createDirectories(cache.resolve("run/estiba-0123456789abcdef"));
      Files.writeString(stale.resolve("lock"), "");
      Files.createDirectories(stale.resolve("bundle"));
      Files.writeString(
          stale.resolve("state.properties"),
          "child.pid=" + orphan.pid() + "\nchild.start="
              + orphan.info().startInstant().orElseThrow() + "\n");
      StepRunner.create(cache, Isolation.CHROOT);
      assertTrue(orphan.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "the killed run's process survived");
      assertTrue(Files.notExists(stale), "the killed run's state dir survived");
    } finally {
      orphan.destroyForcibly();
    }
  }

  @Test
  void autoPrefersRunc() throws Exception {
    assertEquals(Isolation.RUNC, StepRunner.create(cache, Isolation.AUTO).isolation());
  }

  @Test
  void plainDirectoryRoot() throws Exception {
    Path dir = Files.createDirectories(cache.resolve("plain"));
    Files.createDirectories(dir.resolve("bin"));
    Files.copy(base.resolve("bin/busybox"), dir.resolve("bin/busybox"));
    Files.createSymbolicLink(dir.resolve("bin/sh"), Path.of("busybox"));
    StepOutcome outcome =
        StepRunner.create(cache, Isolation.CHROOT)
            .run(RunSpec.of(new RootFs.Directory(dir), sh("echo hi > /out")),
                new StdStreams(null, OutputStream.nullOutputStream(), OutputStream.nullOutputStream()));
    assertEquals(0, outcome.result().exitCode());
    assertEquals("hi\n", Files.readString(dir.resolve("out")));
    assertTrue(outcome.changes().isEmpty());
  }
}
