package dev.estiba.layer.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.estiba.layer.read.SymlinkWalk.AboveRoot;
import dev.estiba.layer.read.SymlinkWalk.Kind;
import dev.estiba.layer.read.SymlinkWalk.Node;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SymlinkWalkTest {

  /** usr/lib; lib -> usr/lib; abs -> /usr; up -> ..; a -> b; b -> a; f (a file). */
  private static final Map<String, Node> TREE = Map.of(
      "usr", new Node(Kind.DIRECTORY, ""),
      "usr/lib", new Node(Kind.DIRECTORY, ""),
      "lib", new Node(Kind.SYMLINK, "usr/lib"),
      "abs", new Node(Kind.SYMLINK, "/usr"),
      "up", new Node(Kind.SYMLINK, ".."),
      "a", new Node(Kind.SYMLINK, "b"),
      "b", new Node(Kind.SYMLINK, "a"),
      "f", new Node(Kind.OTHER, ""));

  private static final SymlinkWalk.Tree MAP = new SymlinkWalk.Tree() {
    @Override
    public Node lookup(List<String> path) {
      return TREE.get(String.join("/", path));
    }

    @Override
    public boolean missingDirectory(List<String> path) {
      return !path.get(path.size() - 1).equals("stop");
    }
  };

  private static String walk(String path, boolean followLast, AboveRoot above)
      throws IOException {
    try {
      List<String> r = SymlinkWalk.resolve(MAP, Arrays.asList(path.split("/")), followLast, above);
      return r == null ? "(stopped)" : "/" + String.join("/", r);
    } catch (UnresolvablePathException e) {
      return "refused: " + e.getMessage();
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "lib/x.so       | true  | REFUSE | /usr/lib/x.so",
    "lib            | false | REFUSE | /lib",
    "lib            | true  | REFUSE | /usr/lib",
    "abs/lib/x      | true  | REFUSE | /usr/lib/x",
    "up/x           | true  | REFUSE | refused: symlink \"up\" leads outside the root",
    "up/x           | true  | CLAMP  | /x",
    "usr/lib/../../up/usr | true | CLAMP | /usr",
    "a/x            | true  | CLAMP  | refused: too many levels of symbolic links at \"a\"",
    "f/x            | true  | REFUSE | refused: \"f\" is not a directory",
    "f              | true  | REFUSE | /f",
    "new/dir/x      | true  | REFUSE | /new/dir/x",
    "stop/x         | true  | REFUSE | (stopped)",
    "./usr//lib/.   | true  | REFUSE | /usr/lib",
  })
  void resolves(String path, boolean followLast, AboveRoot above, String expected)
      throws IOException {
    assertEquals(expected, walk(path, followLast, above));
  }

  @ParameterizedTest
  @CsvSource({"REFUSE", "CLAMP"})
  void fortyLinksAtMost(AboveRoot above) {
    assertEquals(40, SymlinkWalk.MAX_SYMLINKS);
    assertThrows(UnresolvablePathException.class,
        () -> SymlinkWalk.resolve(MAP, List.of("b", "x"), true, above));
  }
}
