package dev.estiba.run.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import java.util.UUID;

/**
 * One step's state directory, {@code <cache>/run/<id>/}: the runtime bundle, the files bound into
 * {@code /etc}, the overlay's work and mount dirs, and {@code state.properties} saying what to undo
 * (runtime and its state root, the child's pid and start time). Its {@code lock} file stays locked
 * while the step runs, so a janitor can tell a live run from one whose JVM died.
 */
public final class StepDir implements AutoCloseable {
  static final String LOCK = "lock";
  static final String STATE = "state.properties";

  private final String id;
  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Properties state = new Properties();

  private StepDir(String id, Path dir, FileChannel lockChannel, FileLock lock) {
    this.id = id;
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * The start of every step id under {@code runRoot}: {@code estiba-} and 8 hex digits of the run
   * root's path, so a step's cgroup and container tell which cache they belong to.
   */
  public static String idPrefix(Path runRoot) {
    return "estiba-" + String.format("%08x", runRoot.toAbsolutePath().normalize().toString().hashCode()) + "-";
  }

  /** Creates and locks a fresh step directory under {@code runRoot}. */
  public static StepDir create(Path runRoot) throws IOException {
    String id = idPrefix(runRoot) + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Path dir = runRoot.resolve(id);
    Files.createDirectories(dir);
    FileChannel channel =
        FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = channel.lock();
    StepDir stepDir = new StepDir(id, dir, channel, lock);
    stepDir.record("owner.pid", Long.toString(ProcessHandle.current().pid()));
    return stepDir;
  }

  /** The container id, also the directory's name. */
  public String id() {
    return id;
  }

  public Path path() {
    return dir;
  }

  public Path resolve(String name) {
    return dir.resolve(name);
  }

  /** Adds a fact for the janitor and saves the state file (written whole, then renamed). */
  public synchronized void record(String key, String value) {
    state.setProperty(key, value);
    Path temporary = dir.resolve(STATE + ".tmp");
    try (var out = Files.newOutputStream(temporary)) {
      state.store(out, "estiba step state");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Files.move(temporary, dir.resolve(STATE), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Releases the lock; the directory itself is removed by {@link StateCleaner}. */
  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      lockChannel.close();
    } catch (IOException e) {
      // The channel is gone with the file anyway.
    }
  }

  static Properties load(Path dir) {
    Properties properties = new Properties();
    Path file = dir.resolve(STATE);
    if (Files.isRegularFile(file)) {
      try (var in = Files.newInputStream(file)) {
        properties.load(in);
      } catch (IOException e) {
        // A torn state file: clean what can be found without it.
      }
    }
    return properties;
  }
}
