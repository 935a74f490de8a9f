package dev.estiba.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Recursive deletion shared by every part that removes scratch, temporary or state trees. */
public final class FileTrees {
  private FileTrees() {}

  /**
   * Deletes the file or directory tree at {@code root} without following symlinks; does nothing when
   * nothing is there. Directories the owner cannot walk (overlay's mode-000 work dir) are made
   * walkable first; entries that vanish meanwhile are not an error.
   */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            // Overlay's work dir holds a mode-000 directory; make it walkable for non-root users.
            if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
              dir.toFile().setReadable(true, true);
              dir.toFile().setExecutable(true, true);
              dir.toFile().setWritable(true, true);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            // Gone meanwhile (another cleaner got there first) is what we wanted anyway.
            if (e instanceof java.nio.file.NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null && !(e instanceof java.nio.file.NoSuchFileException)) {
              throw e;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
