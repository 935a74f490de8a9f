package dev.estiba.run.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.estiba.run.RunException;
import dev.estiba.run.diff.LowerView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageUserTest {
  @TempDir Path root;

  @Test
  void resolvesLikeDocker() throws Exception {
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/passwd"), "root:x:0:0::/root:/bin/sh\napp:x:1000:1001::/home/app:/bin/sh\nbroken line\n");
    Files.writeString(root.resolve("etc/group"), "root:x:0:\napp:x:1001:\nwheel:x:10:root,app\ndocker:x:999:app\n");
    LowerView view = new LowerView(List.of(root));
    record Case(String user, ImageUser expected) {}
    for (Case c : List.of(
        new Case(null, ImageUser.ROOT),
        new Case("", ImageUser.ROOT),
        new Case("app", new ImageUser(1000, 1001, List.of(10, 999))),
        new Case("1000", new ImageUser(1000, 1001, List.of(10, 999))),
        new Case("app:wheel", new ImageUser(1000, 10, List.of())),
        new Case("app:42", new ImageUser(1000, 42, List.of())),
        new Case("4242", new ImageUser(4242, 0, List.of())),
        new Case("4242:7", new ImageUser(4242, 7, List.of())),
        new Case("root", new ImageUser(0, 0, List.of(10))))) {
      assertEquals(c.expected(), ImageUser.resolve(c.user(), view), c.user());
    }
    assertEquals("unable to find user ghost: no matching entries in passwd file",
        assertThrows(RunException.class, () -> ImageUser.resolve("ghost", view)).getMessage());
    assertEquals("unable to find group ghosts: no matching entries in group file",
        assertThrows(RunException.class, () -> ImageUser.resolve("app:ghosts", view)).getMessage());
  }
}
