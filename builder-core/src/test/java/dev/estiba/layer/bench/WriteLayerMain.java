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
import java.nio.file.FileVisitResult;
import java.nio.file.LinkOption;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
    // One stat per path: the walk hands over the attributes it read.
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path p, BasicFileAttributes a) throws IOException {
        if (!p.equals(dir)) {
          out.add(ChangeEntry.directory(rel(p), mode(p), 0, 0, a.lastModifiedTime().toInstant()));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path p, BasicFileAttributes a) throws IOException {
        if (a.isSymbolicLink()) {
          out.add(ChangeEntry.symlink(rel(p), Files.readSymbolicLink(p).toString(), 0, 0,
              a.lastModifiedTime().toInstant()));
        } else if (a.isRegularFile()) {
          out.add(ChangeEntry.file(rel(p), mode(p), 0, 0, a.lastModifiedTime().toInstant(),
              a.size(), ContentSource.of(p)));
        }
        return FileVisitResult.CONTINUE;
      }

      private String rel(Path p) {
        return dir.relativize(p).toString();
      }
    });
    return out;
  }

  private static int mode(Path p) throws IOException {
    return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
  }
}
