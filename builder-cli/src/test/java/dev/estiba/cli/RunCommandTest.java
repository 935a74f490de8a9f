package dev.estiba.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.estiba.cli.EstibaCommandTest.Run;
import dev.estiba.format.ocilayout.OciLayoutWriter;
import dev.estiba.image.ExecutionConfig;
import dev.estiba.image.HistoryEntry;
import dev.estiba.image.Image;
import dev.estiba.image.ImageConfig;
import dev.estiba.image.Platform;
import dev.estiba.layer.ChangeEntry;
import dev.estiba.layer.ChangeSet;
import dev.estiba.layer.ContentSource;
import dev.estiba.run.Executables;
import dev.estiba.store.BlobStore;
import dev.estiba.store.StoredImages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code estiba run} on a busybox-static image in an OCI layout, as root. */
class RunCommandTest {
  static final Instant T = Instant.parse("2025-02-03T04:05:06Z");
  @TempDir static Path tmp;
  static String image;

  @BeforeAll
  static void busyboxImage() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "estiba run tests need root");
    Path busybox = Executables.find("busybox").orElse(null);
    assumeTrue(busybox != null, "busybox is not installed: apt-get install -y busybox-static");
    List<ChangeEntry> entries = new ArrayList<>();
    entries.add(ChangeEntry.directory("bin", 0755, 0, 0, T));
    entries.add(ChangeEntry.file("bin/busybox", 0755, 0, 0, T, Files.size(busybox), ContentSource.of(busybox)));
    Process list = new ProcessBuilder(busybox.toString(), "--list").start();
    for (String applet : new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
      if (!applet.isBlank() && !applet.equals("busybox")) {
        entries.add(ChangeEntry.symlink("bin/" + applet, "busybox", 0, 0, T));
      }
    }
    list.waitFor();
    entries.add(ChangeEntry.directory("etc", 0755, 0, 0, T));
    entries.add(ChangeEntry.file("etc/passwd", 0644, T,
        "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n".getBytes(StandardCharsets.UTF_8)));
    entries.add(ChangeEntry.file("etc/group", 0644, T,
        "root:x:0:\napp:x:1000:\nextra:x:2000:app\n".getBytes(StandardCharsets.UTF_8)));
    ImageConfig config = ImageConfig.empty(Platform.parse("linux/amd64")).withCreated(T.toString())
        .withConfig(ExecutionConfig.EMPTY
            .withEnv(List.of("PATH=/bin", "GREETING=hello"))
            .withCmd(List.of("sh", "-c", "echo $GREETING from $(pwd) as $(id -u) $(id -G) home $HOME"))
            .withWorkingDir("/srv")
            .withUser("app"));
    Image built = StoredImages.assemble(new BlobStore(tmp.resolve("scratch")), config,
        List.of(new StoredImages.LayerStep(ChangeSet.of(entries), new HistoryEntry(T.toString(), "busybox", false))),
        false);
    OciLayoutWriter.write(tmp.resolve("layout"), built, "v1");
    image = "oci:" + tmp.resolve("layout") + ":v1";
  }

  static Run run(String... args) {
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StringWriter messages = new StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      var cl = Estiba.commandLine();
      cl.setErr(new PrintWriter(messages, true));
      List<String> all = new ArrayList<>(List.of(args));
      all.add(1, "--cache-dir=" + tmp.resolve("cache"));
      int exit = cl.execute(all.toArray(String[]::new));
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8) + messages);
    } finally {
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
  }

  @Test
  void runsTheImagesCommandWithItsEnvWorkdirAndUser() {
    Run r = run("run", "--rm", image);
    assertEquals(new Run(0, "hello from /srv as 1000 1000 2000 home /home/app\n", ""), r);
  }

  @Test
  void overridesFromTheCommandLine() {
    assertEquals(new Run(0, "hi from /tmp as 0 0 home /root\n", ""),
        run("run", "-e", "GREETING=hi", "-w", "/tmp", "-u", "root", image));
    assertEquals(new Run(0, "a b\n", ""), run("run", "--entrypoint", "/bin/echo", image, "a", "b"));
    assertEquals(new Run(3, "", ""), run("run", "--isolation", "chroot", image, "sh", "-c", "exit 3"));
  }

  @Test
  void volumesAndNetworkNone() throws Exception {
    Path host = Files.createDirectories(tmp.resolve("host"));
    Files.writeString(host.resolve("f"), "from the host\n");
    assertEquals(new Run(0, "from the host\nlo\n", ""),
        run("run", "-v", host + ":/data:ro", "--network", "none", image,
            "sh", "-c", "cat /data/f; ls /sys/class/net"));
  }

  @Test
  void errorsSayWhatIsWrong() {
    Run r = run("run", "-u", "nobody2", image);
    assertEquals(1, r.exit());
    assertEquals("estiba: unable to find user nobody2: no matching entries in passwd file\n", r.err());
    r = run("run", "--network", "bridge", image);
    assertEquals(2, r.exit());
    assertEquals("estiba: unknown network mode 'bridge' (expected none, host or default)\n", r.err().lines().findFirst().orElse("") + "\n");
  }
}
