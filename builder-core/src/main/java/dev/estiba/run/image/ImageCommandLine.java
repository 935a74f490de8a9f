package dev.estiba.run.image;

import dev.estiba.image.ExecutionConfig;
import dev.estiba.run.RunException;
import java.util.ArrayList;
import java.util.List;

/** The argv of a container as Docker builds it from ENTRYPOINT, CMD and the command line. */
public final class ImageCommandLine {
  private ImageCommandLine() {}

  /**
   * @param entrypoint {@code --entrypoint}, or null to keep the image's (an empty string clears it)
   * @param args the command after the image name; replaces the image's CMD when not empty
   */
  public static List<String> argv(ExecutionConfig config, String entrypoint, List<String> args) {
    List<String> result = new ArrayList<>();
    List<String> cmd = args;
    if (entrypoint != null) {
      if (!entrypoint.isEmpty()) {
        result.add(entrypoint);
      }
    } else {
      if (config.entrypoint() != null) {
        result.addAll(config.entrypoint());
      }
    }
    if (cmd.isEmpty() && entrypoint == null && config.cmd() != null) {
      cmd = config.cmd();
    }
    result.addAll(cmd);
    if (result.isEmpty()) {
      throw new RunException("no command specified: the image has no ENTRYPOINT or CMD and none was given");
    }
    return result;
  }

  /** The image's environment with {@code KEY=value} overrides replacing or adding entries. */
  public static List<String> env(ExecutionConfig config, List<String> overrides) {
    List<String> env = new ArrayList<>(config.env() == null ? List.of() : config.env());
    if (env.stream().noneMatch(e -> e.startsWith("PATH="))) {
      env.add(0, dev.estiba.run.ProcessSpec.DEFAULT_PATH);
    }
    for (String override : overrides) {
      String key = override.substring(0, override.indexOf('=') + 1);
      env.removeIf(e -> e.startsWith(key));
      env.add(override);
    }
    return env;
  }
}
