package dev.estiba.layer.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.layer.testing.TestTar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whiteouts kept as markers, for one directory a layer (overlay lower directories). */
class WhiteoutMarkerTest {

  @TempDir Path root;

  /** Records the calls, as paths relative to the root. */
  private final List<String> calls = new ArrayList<>();

  private void apply(byte[] layer) throws IOException {
    WhiteoutMarker recorder = new WhiteoutMarker() {
      @Override
      public void whiteout(Path path) {
        calls.add("whiteout " + root.relativize(path));
      }

      @Override
      public void opaque(Path dir) {
        calls.add("opaque " + root.relativize(dir));
      }
    };
    new LayerApplier(ApplyOptions.defaults().withWhiteoutMarker(recorder))
        .apply(root, TestTar.source("L1", layer));
  }

  @Test
  void whiteoutsInMissingDirectoriesCreateThemAndAreMarked() throws IOException {
    apply(TestTar.create().file("etc/.wh.old", "").file("opt/.wh..wh..opq", "")
        .file("opt/tool", "bin").file(".wh.top", "").bytes());
    assertEquals(List.of("whiteout etc/old", "opaque opt", "whiteout top"), calls);
    assertTrue(Files.isDirectory(root.resolve("etc")));
    assertEquals("bin", Files.readString(root.resolve("opt/tool")), "an opaque marker removes nothing");
    assertTrue(Files.notExists(root.resolve("etc/.wh.old")), "the whiteout entry itself is not written");
  }

  @Test
  void aWhiteoutDoesNotMarkTheSameLayersFile() throws IOException {
    apply(TestTar.create().file("f", "mine").file(".wh.f", "").bytes());
    assertEquals(List.of(), calls);
    assertEquals("mine", Files.readString(root.resolve("f")));
  }
}
