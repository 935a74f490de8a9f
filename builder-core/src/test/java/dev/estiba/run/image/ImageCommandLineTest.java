package dev.estiba.run.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.estiba.image.ExecutionConfig;
import dev.estiba.run.RunException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageCommandLineTest {
  private static final ExecutionConfig BOTH =
      ExecutionConfig.EMPTY.withEntrypoint(List.of("/entry", "-x")).withCmd(List.of("default", "arg"));
  private static final ExecutionConfig CMD_ONLY = ExecutionConfig.EMPTY.withCmd(List.of("sh"));

  record Case(ExecutionConfig config, String entrypoint, List<String> args, List<String> expected) {}

  @Test
  void dockerRulesForEntrypointAndCmd() {
    List<Case> cases =
        List.of(
            new Case(BOTH, null, List.of(), List.of("/entry", "-x", "default", "arg")),
            new Case(BOTH, null, List.of("mine"), List.of("/entry", "-x", "mine")),
            new Case(BOTH, "/other", List.of(), List.of("/other")),
            new Case(BOTH, "/other", List.of("a"), List.of("/other", "a")),
            new Case(BOTH, "", List.of("a", "b"), List.of("a", "b")),
            new Case(CMD_ONLY, null, List.of(), List.of("sh")),
            new Case(CMD_ONLY, null, List.of("echo", "hi"), List.of("echo", "hi")));
    for (Case c : cases) {
      assertEquals(c.expected(), ImageCommandLine.argv(c.config(), c.entrypoint(), c.args()), c.toString());
    }
  }

  @Test
  void nothingToRun() {
    RunException e = assertThrows(RunException.class, () -> ImageCommandLine.argv(ExecutionConfig.EMPTY, null, List.of()));
    assertEquals("no command specified: the image has no ENTRYPOINT or CMD and none was given", e.getMessage());
    assertThrows(RunException.class, () -> ImageCommandLine.argv(BOTH, "", List.of()));
  }

  @Test
  void environmentOverrides() {
    ExecutionConfig config = ExecutionConfig.EMPTY.withEnv(List.of("A=1", "B=2"));
    assertEquals(
        List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "B=2", "A=3", "C="),
        ImageCommandLine.env(config, List.of("A=3", "C=")));
    assertEquals(List.of("PATH=/bin"), ImageCommandLine.env(ExecutionConfig.EMPTY.withEnv(List.of("PATH=/bin")), List.of()));
  }
}
