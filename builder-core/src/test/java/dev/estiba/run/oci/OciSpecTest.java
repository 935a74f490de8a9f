package dev.estiba.run.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.estiba.run.BoundFile;
import dev.estiba.run.MountSpec;
import dev.estiba.run.NetworkMode;
import dev.estiba.run.ProcessSpec;
import dev.estiba.run.ResourceLimits;
import dev.estiba.run.RunSpec;
import dev.estiba.run.SecurityMode;
import dev.estiba.run.rootfs.RootFs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OciSpecTest {
  private static final RunSpec SPEC =
      RunSpec.of(
              new RootFs.Directory(Path.of("/r")),
              ProcessSpec.of("/bin/sh", "-c", "make").withUser(1000, 1000, List.of(27)).withCwd("/src"))
          .withMounts(
              List.of(new MountSpec.Tmpfs("/tmp/a", 1024), new MountSpec.Bind(Path.of("/h"), "/ctx", true)));

  private static JsonNode build(RunSpec spec) {
    return OciSpec.build(spec, Path.of("/merged"), List.of(new BoundFile("/etc/hosts", Path.of("/s/hosts"))), "/estiba/x/step");
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.isTextual() ? n.asText() : n.toString()));
    return out;
  }

  @Test
  void processUserAndSandbox() {
    JsonNode c = build(SPEC);
    assertEquals("1.0.2", c.path("ociVersion").asText());
    assertEquals("/merged", c.path("root").path("path").asText());
    assertEquals(List.of("/bin/sh", "-c", "make"), texts(c.path("process").path("args")));
    assertEquals("/src", c.path("process").path("cwd").asText());
    assertEquals("{\"uid\":1000,\"gid\":1000,\"additionalGids\":[27]}", c.path("process").path("user").toString());
    assertEquals(KernelDefaults.DOCKER_CAPABILITIES, texts(c.path("process").path("capabilities").path("bounding")));
    assertEquals(List.of(), texts(c.path("process").path("capabilities").path("effective")));
    assertEquals(true, c.path("process").path("noNewPrivileges").asBoolean());
    assertEquals(KernelDefaults.MASKED_PATHS, texts(c.path("linux").path("maskedPaths")));
    assertEquals(KernelDefaults.READONLY_PATHS, texts(c.path("linux").path("readonlyPaths")));
    assertEquals("/estiba/x/step", c.path("linux").path("cgroupsPath").asText());
  }

  @Test
  void mountsInOrder() {
    List<String> mounts = new ArrayList<>();
    build(SPEC).path("mounts").forEach(m -> mounts.add(
        m.path("destination").asText() + " " + m.path("type").asText() + " " + texts(m.path("options"))));
    assertEquals(
        List.of(
            "/proc proc [nosuid, noexec, nodev]",
            "/dev tmpfs [nosuid, strictatime, mode=755, size=65536k]",
            "/dev/pts devpts [nosuid, noexec, newinstance, ptmxmode=0666, mode=0620, gid=5]",
            "/dev/shm tmpfs [nosuid, noexec, nodev, mode=1777, size=65536k]",
            "/dev/mqueue mqueue [nosuid, noexec, nodev]",
            "/sys sysfs [nosuid, noexec, nodev, ro]",
            "/etc/hosts bind [rbind, ro]",
            "/ctx bind [rbind, ro]",
            "/tmp/a tmpfs [nosuid, nodev, mode=1777, size=1024]"),
        mounts);
  }

  @Test
  void networkNamespaceOnlyForNone() {
    for (NetworkMode mode : NetworkMode.values()) {
      List<String> types = new ArrayList<>();
      build(SPEC.withNetwork(mode)).path("linux").path("namespaces").forEach(n -> types.add(n.path("type").asText()));
      List<String> expected = new ArrayList<>(List.of("pid", "ipc", "uts", "mount"));
      if (mode == NetworkMode.NONE) {
        expected.add("network");
      }
      assertEquals(expected, types, mode.name());
    }
  }

  @Test
  void limitsAndInsecure() {
    JsonNode c = build(SPEC.withLimits(new ResourceLimits(64L << 20, 1.5, 100)).withSecurity(SecurityMode.INSECURE));
    JsonNode r = c.path("linux").path("resources");
    assertEquals("{\"limit\":67108864,\"swap\":67108864}", r.path("memory").toString());
    assertEquals("{\"period\":100000,\"quota\":150000}", r.path("cpu").toString());
    assertEquals("{\"limit\":100}", r.path("pids").toString());
    assertEquals(KernelDefaults.insecureCapabilities(), texts(c.path("process").path("capabilities").path("bounding")));
    assertEquals(KernelDefaults.ALL_CAPABILITIES, KernelDefaults.held(KernelDefaults.ALL_CAPABILITIES, -1L));
    // This test host's bounding set lacks CAP_SYS_RESOURCE (bit 24) only.
    List<String> withoutResource = new java.util.ArrayList<>(KernelDefaults.ALL_CAPABILITIES);
    withoutResource.remove("CAP_SYS_RESOURCE");
    assertEquals(withoutResource, KernelDefaults.held(KernelDefaults.ALL_CAPABILITIES, 0x1fffeffffffL));
    assertEquals(false, c.path("process").path("noNewPrivileges").asBoolean());
    assertEquals(true, c.path("linux").path("maskedPaths").isMissingNode());
  }
}
