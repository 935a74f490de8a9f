package dev.estiba.run;

import java.nio.file.Path;

/** An extra mount for a step; none of them ever reaches the step's change set. */
public sealed interface MountSpec {

  /** Absolute path inside the container. */
  String target();

  /** A host file or directory bound into the container. */
  record Bind(Path source, String target, boolean readOnly) implements MountSpec {
    public Bind {
      MountSpec.requireAbsolute(target);
    }
  }

  /** A fresh tmpfs, {@code sizeBytes} large (0: the kernel's default, half the RAM). */
  record Tmpfs(String target, long sizeBytes) implements MountSpec {
    public Tmpfs {
      MountSpec.requireAbsolute(target);
      if (sizeBytes < 0) {
        throw new IllegalArgumentException("tmpfs size must not be negative");
      }
    }
  }

  /**
   * A persistent cache directory (kept across builds under the cache dir), bound read-write.
   * Sharing and locking between steps are the caller's business.
   */
  record Cache(Path directory, String target) implements MountSpec {
    public Cache {
      MountSpec.requireAbsolute(target);
    }
  }

  private static void requireAbsolute(String target) {
    if (!target.startsWith("/") || target.equals("/")) {
      throw new IllegalArgumentException("mount target must be an absolute path below /: " + target);
    }
    for (String part : target.split("/")) {
      if (part.equals("..")) {
        throw new IllegalArgumentException("mount target must not contain '..': " + target);
      }
    }
  }
}
