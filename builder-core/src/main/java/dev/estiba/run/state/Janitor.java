package dev.estiba.run.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Cleans the state of runs whose JVM died (killed, power cut) before it could clean up itself. */
public final class Janitor {
  private Janitor() {}

  /**
   * Cleans every step directory under {@code runRoot} whose lock nobody holds; returns the ids it
   * cleaned. Live runs (of this or another process) are left alone.
   */
  public static List<String> cleanStale(Path runRoot) throws IOException {
    List<String> cleaned = new ArrayList<>();
    if (!Files.isDirectory(runRoot)) {
      return cleaned;
    }
    List<Path> dirs = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(runRoot, "estiba-*")) {
      stream.forEach(dirs::add);
    }
    for (Path dir : dirs) {
      if (isStale(dir)) {
        StateCleaner.clean(dir);
        cleaned.add(dir.getFileName().toString());
      }
    }
    return cleaned;
  }

  private static boolean isStale(Path dir) throws IOException {
    Path lockFile = dir.resolve(StepDir.LOCK);
    if (!Files.exists(lockFile)) {
      // Died between creating the directory and locking it, or half removed; a directory that
      // young may be another process's run starting up.
      return Files.getLastModifiedTime(dir).toInstant().isBefore(Instant.now().minusSeconds(60));
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return false;
      }
      lock.release();
      return true;
    } catch (OverlappingFileLockException e) {
      return false;
    }
  }
}
