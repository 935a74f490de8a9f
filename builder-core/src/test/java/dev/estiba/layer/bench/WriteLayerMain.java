package dev.estiba.layer.bench;

import dev.estiba.layer.ChangeEntry;
import dev.estiba.layer.ChangeSet;
import dev.estiba.layer.Compression;
import dev.estiba.layer.ContentSource;
import dev.estiba.layer.LayerWriter;
import dev.estiba.layer.WrittenLayer;
import dev.estiba.layer.compress.CompressionChoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark entry point (bench/layer-write.sh): writes one layer from a directory tree.
 *
 * <p>Usage: {@code WriteLayerMain DIR OUTDIR gzip|zstd|none [LEVEL [THREADS]]}. Prints the
 * digest, diff id, blob size, tar size and the seconds spent writing (after the tree walk).
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
    long walkStart = System.nanoTime();
    ChangeSet changes = ChangeSet.of(entries(dir));
    long start = System.nanoTime();
    Compression compression = choice.compression();
    WrittenLayer layer = new LayerWriter(compression, null).write(changes, Path.of(args[1]));
    long end = System.nanoTime();
    System.out.printf("%s %s blob=%d tar=%d walk=%.2fs write=%.2fs threads=%d%n",
        layer.digest(), layer.diffId(), layer.size(), layer.diffSize(),
        (start - walkStart) / 1e9, (end - start) / 1e9, choice.threads());
  }

  private static List<ChangeEntry> entries(Path dir) throws IOException {
    List<ChangeEntry> out = new ArrayList<>();
    add(dir, dir, out);
    return out;
  }

  /** One lstat per path: mode, type, size and time come from one attribute read. */
  private static void add(Path root, Path parent, List<ChangeEntry> out) throws IOException {
    List<Path> children;
    try (Stream<Path> list = Files.list(parent)) {
      children = list.toList();
    }
    for (Path p : children) {
      Map<String, Object> a = Files.readAttributes(p, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
      String rel = root.relativize(p).toString();
      Instant mtime = ((FileTime) a.get("lastModifiedTime")).toInstant();
      int mode = (Integer) a.get("mode");
      if ((mode & 0170000) == 0040000) {
        out.add(ChangeEntry.directory(rel, mode & 07777, 0, 0, mtime));
        add(root, p, out);
      } else if ((mode & 0170000) == 0120000) {
        out.add(ChangeEntry.symlink(rel, Files.readSymbolicLink(p).toString(), 0, 0, mtime));
      } else if ((mode & 0170000) == 0100000) {
        out.add(ChangeEntry.file(rel, mode & 07777, 0, 0, mtime, (Long) a.get("size"), ContentSource.of(p)));
      }
    }
  }

  private static final String ATTRIBUTES = "unix:mode,size,lastModifiedTime";
}
