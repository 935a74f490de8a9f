package dev.estiba.layer.bench;

import dev.estiba.layer.ChangeEntry;
import dev.estiba.layer.ChangeSet;
import dev.estiba.layer.Compression;
import dev.estiba.layer.ContentSource;
import dev.estiba.layer.LayerWriter;
import dev.estiba.layer.WrittenLayer;
import dev.estiba.layer.compress.CompressionChoice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.stream.Stream;

/**
 * Benchmark entry point (bench/layer-write.sh): writes one layer from a directory tree.
 *
 * <p>Usage: {@code WriteLayerMain DIR OUTDIR gzip|zstd|none [LEVEL [THREADS]]}. Prints the
 * digest, diff id, blob size, tar size, and the seconds spent walking the tree and writing the layer (wall
 * clock, and in brackets the calling thread's CPU time).
 */
public final class WriteLayerMain {

  private WriteLayerMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: WriteLayerMain DIR OUTDIR gzip|zstd|none [LEVEL [THREADS]]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    CompressionChoice choice = CompressionChoice.parse(args[2]);
    if (args.length > 3) {
      choice = choice.withLevel(Integer.parseInt(args[3]));
    }
    if (args.length > 4) {
      choice = choice.withThreads(Integer.parseInt(args[4]));
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long walkStart = System.nanoTime();
    long walkCpu = cpu.getCurrentThreadCpuTime();
    ChangeSet changes = ChangeSet.of(entries(dir));
    long start = System.nanoTime();
    long startCpu = cpu.getCurrentThreadCpuTime();
    Compression compression = choice.compression();
    WrittenLayer layer = new LayerWriter(compression, null).write(changes, Path.of(args[1]));
    long end = System.nanoTime();
    long endCpu = cpu.getCurrentThreadCpuTime();
    // Wall seconds, and in brackets the CPU seconds of the calling thread (walk; reading files, tar headers).
    System.out.printf("%s %s blob=%d tar=%d walk=%.2fs(%.2f) write=%.2fs(%.2f) threads=%d%n",
        layer.digest(), layer.diffId(), layer.size(), layer.diffSize(),
        (start - walkStart) / 1e9, (startCpu - walkCpu) / 1e9, (end - start) / 1e9, (endCpu - startCpu) / 1e9,
        choice.threads());
  }

  /**
   * Walks the tree on every processor: one task per directory. Under load a single walking thread gets one
   * runnable thread's share of the CPU, and on an idle machine it leaves the other cores idle.
   */
  private static List<ChangeEntry> entries(Path dir) throws IOException {
    ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    try {
      return pool.invoke(new Walk(dir, dir));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      pool.shutdown();
    }
  }

  /** The entries under one directory (not the directory itself), subdirectories walked as subtasks. */
  private static final class Walk extends RecursiveTask<List<ChangeEntry>> {
    private final Path root;
    private final Path parent;

    Walk(Path root, Path parent) {
      this.root = root;
      this.parent = parent;
    }

    @Override
    protected List<ChangeEntry> compute() {
      try {
        return walk();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** One lstat per path: mode, type, size and time come from one attribute read. */
    private List<ChangeEntry> walk() throws IOException {
      List<Path> children;
      try (Stream<Path> list = Files.list(parent)) {
        children = list.toList();
      }
      List<ChangeEntry> out = new ArrayList<>();
      List<Walk> subdirectories = new ArrayList<>();
      for (Path p : children) {
        Map<String, Object> a = Files.readAttributes(p, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        String rel = root.relativize(p).toString();
        Instant mtime = ((FileTime) a.get("lastModifiedTime")).toInstant();
        int mode = (Integer) a.get("mode");
        if ((mode & 0170000) == 0040000) {
          out.add(ChangeEntry.directory(rel, mode & 07777, 0, 0, mtime));
          Walk w = new Walk(root, p);
          w.fork();
          subdirectories.add(w);
        } else if ((mode & 0170000) == 0120000) {
          out.add(ChangeEntry.symlink(rel, Files.readSymbolicLink(p).toString(), 0, 0, mtime));
        } else if ((mode & 0170000) == 0100000) {
          out.add(ChangeEntry.file(rel, mode & 07777, 0, 0, mtime, (Long) a.get("size"), ContentSource.of(p)));
        }
      }
      for (Walk w : subdirectories) {
        out.addAll(w.join());
      }
      return out;
    }
  }

  private static final String ATTRIBUTES = "unix:mode,size,lastModifiedTime";
}
