package dev.estiba.layer.apply;

import dev.estiba.layer.read.EntryPath;
import dev.estiba.layer.EntryType;
import dev.estiba.layer.read.InvalidLayerException;
import dev.estiba.layer.read.LayerEntry;
import dev.estiba.layer.read.LayerSource;
import dev.estiba.layer.read.LayerTarReader;
import dev.estiba.layer.read.UnresolvablePathException;
import dev.estiba.layer.read.Whiteouts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Applies a stack of layer tars, in any compression, to a directory: files, directories,
 * symlinks, hard links, named pipes and (as root, when allowed) devices, with modes, mtimes, owners
 * (as root) and {@code user.*} xattrs; OCI whiteouts and opaque directories remove what lower
 * layers put there.
 *
 * <p>Every entry is placed through {@link RootedResolver}, which walks the path one component at a
 * time and never lets a symlink lead outside the target, so hostile layers are refused with an
 * {@link InvalidLayerException} naming the entry and nothing is written outside the target. The
 * diff id is checked at the end of each layer: a layer refused then, or part way through, has left
 * its earlier entries inside the target, which the caller should discard.
 */
public final class LayerApplier {

  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private final ApplyOptions options;

  /** An applier with the given options. */
  public LayerApplier(ApplyOptions options) {
    this.options = options;
  }

  /** An applier with {@link ApplyOptions#defaults()}. */
  public LayerApplier() {
    this(ApplyOptions.defaults());
  }

  /** Applies {@code layers}, lowest first, to {@code target}, which must be a directory. */
  public void applyAll(Path target, List<LayerSource> layers) throws IOException {
    for (LayerSource layer : layers) {
      apply(target, layer);
    }
  }

  /** Applies one layer to {@code target}, which must be a directory. */
  public void apply(Path target, LayerSource layer) throws IOException {
    Path root = target.toRealPath();
    if (!Files.isDirectory(root, NOFOLLOW)) {
      throw new IOException("apply target " + target + " is not a directory");
    }
    try (LayerTarReader reader = new LayerTarReader(layer, options.maxEntrySize())) {
      new Run(new RootedResolver(root), reader).applyEntries();
    }
  }

  /** The state of applying one layer. */
  private final class Run {
    private final RootedResolver resolver;
    private final LayerTarReader reader;
    private final String layerName;
    /** Paths this layer wrote: whiteouts and opaque markers only hide lower layers' paths. */
    private final Set<Path> written = new HashSet<>();
    /** Directory metadata, set once the layer's entries are in (children change mtimes). */
    private final Map<Path, LayerEntry> directories = new LinkedHashMap<>();
    /** Lower-layer directories opened for writing, with the mode to give back. */
    private final Map<Path, Integer> unlocked = new LinkedHashMap<>();

    Run(RootedResolver resolver, LayerTarReader reader) {
      this.resolver = resolver;
      this.reader = reader;
      this.layerName = reader.source().name();
    }

    void applyEntries() throws IOException {
      try {
        LayerEntry e;
        while ((e = reader.next()) != null) {
          try {
            applyEntry(e);
          } catch (UnresolvablePathException ex) {
            throw new InvalidLayerException(layerName, e.name(), ex.getMessage());
          } catch (InvalidLayerException ex) {
            throw ex;
          } catch (IOException ex) {
            throw new InvalidLayerException(layerName, e.name(), "cannot apply: " + ex, ex);
          }
        }
      } catch (IOException | RuntimeException failure) {
        try {
          finishDirectories();
        } catch (IOException | RuntimeException secondary) {
          failure.addSuppressed(secondary);
        }
        throw failure;
      }
      finishDirectories();
    }

    private void applyEntry(LayerEntry e) throws IOException, UnresolvablePathException {
      if (e.path().isRoot()) {
        if (e.type() != EntryType.DIRECTORY) {
          throw new UnresolvablePathException("cannot replace the root directory");
        }
        directories.put(resolver.root(), e);
        return;
      }
      String fileName = e.path().fileName();
      boolean whiteout = Whiteouts.isWhiteout(fileName);
      if (whiteout && !Whiteouts.isOpaque(fileName) && Whiteouts.hiddenName(fileName) == null) {
        throw new UnresolvablePathException("whiteout names no file");
      }
      Path parent;
      try {
        // A whiteout in a directory that is not there has nothing to hide: create nothing.
        parent = resolver.resolveDirectory(e.path().parent(),
            whiteout ? dir -> { throw new NoSuchFileException(dir.toString()); } : this::makeDirectory);
      } catch (NoSuchFileException missing) {
        return;
      }
      unlock(parent);
      if (Whiteouts.isOpaque(fileName)) {
        hideLowerChildren(parent);
        return;
      }
      if (whiteout) {
        String hidden = Whiteouts.hiddenName(fileName);
        Path victim = parent.resolve(hidden);
        if (!written.contains(victim)) {
          deleteTree(victim);
        }
        return;
      }
      Path path = parent.resolve(fileName);
      BasicFileAttributes existing = RootedResolver.lstat(path);
      if (existing != null && !(existing.isDirectory() && e.type() == EntryType.DIRECTORY)) {
        deleteTree(path);
      }
      switch (e.type()) {
        case DIRECTORY -> {
          if (existing == null || !existing.isDirectory()) {
            Files.createDirectory(path);
          }
          directories.put(path, e);
          written.add(path);
          return;
        }
        case FILE -> writeFile(path, e);
        case SYMLINK -> Files.createSymbolicLink(path, Path.of(e.linkTarget()));
        case HARDLINK -> Files.createLink(path, hardLinkTarget(e));
        case FIFO -> runTool(List.of("mkfifo", "-m", octal(e.mode() & 0777), path.toString()));
        case CHAR_DEVICE, BLOCK_DEVICE -> makeDevice(path, e);
        default -> throw new UnresolvablePathException("unsupported entry type " + e.type());
      }
      written.add(path);
      if (e.type() != EntryType.HARDLINK) {
        setMetadata(path, e);
      }
    }

    private void writeFile(Path path, LayerEntry e) throws IOException {
      try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
        InputStream in = reader.content();
        byte[] buf = new byte[64 * 1024];
        long left = e.size();
        while (left > 0) {
          int n = in.read(buf, 0, (int) Math.min(buf.length, left));
          if (n < 0) {
            throw new InvalidLayerException(layerName, e.name(), "content is truncated");
          }
          out.write(buf, 0, n);
          left -= n;
        }
      }
    }

    private Path hardLinkTarget(LayerEntry e) throws IOException, UnresolvablePathException {
      EntryPath.Parsed parsed = EntryPath.parse(e.linkTarget());
      if (parsed.path() == null) {
        throw new UnresolvablePathException("hard link target \"" + e.linkTarget() + "\": "
            + parsed.refusal());
      }
      if (parsed.path().isRoot()) {
        throw new UnresolvablePathException("hard link to the root directory");
      }
      Path dir = resolver.resolveDirectory(parsed.path().parent(), null);
      Path target = dir.resolve(parsed.path().fileName());
      BasicFileAttributes a = RootedResolver.lstat(target);
      if (a == null) {
        throw new UnresolvablePathException("hard link target \"" + e.linkTarget() + "\" does not exist");
      }
      if (a.isDirectory()) {
        throw new UnresolvablePathException("hard link target \"" + e.linkTarget() + "\" is a directory");
      }
      return target;
    }

    private void makeDevice(Path path, LayerEntry e) throws IOException, UnresolvablePathException {
      if (!options.allowDevices() || !Privileges.isRoot()) {
        throw new UnresolvablePathException("device files are refused"
            + (options.allowDevices() ? " when not running as root" : " (devices not allowed)"));
      }
      runTool(List.of("mknod", "-m", octal(e.mode() & 07777), path.toString(),
          e.type() == EntryType.CHAR_DEVICE ? "c" : "b", String.valueOf(e.deviceMajor()),
          String.valueOf(e.deviceMinor())));
    }

    private void setMetadata(Path path, LayerEntry e) throws IOException {
      if (options.restoreOwners()) {
        // lchown before chmod: chown clears setuid and setgid.
        Files.setAttribute(path, "unix:uid", (int) e.uid(), NOFOLLOW);
        Files.setAttribute(path, "unix:gid", (int) e.gid(), NOFOLLOW);
      }
      boolean special = e.type() == EntryType.FIFO || e.type() == EntryType.CHAR_DEVICE
          || e.type() == EntryType.BLOCK_DEVICE;
      if (special) {
        // mkfifo and mknod set the mode; Java sets modes and times by opening the file, which
        // would block on a pipe or open a device.
        return;
      }
      if (e.type() != EntryType.SYMLINK) {
        Files.setAttribute(path, "unix:mode", e.mode(), NOFOLLOW);
        setXattrs(path, e);
      }
      FileTime t = FileTime.from(e.mtime());
      Files.getFileAttributeView(path, BasicFileAttributeView.class, NOFOLLOW).setTimes(t, t, null);
    }

    private void setXattrs(Path path, LayerEntry e) throws IOException {
      if (e.xattrs().isEmpty()) {
        return;
      }
      UserDefinedFileAttributeView view =
          Files.getFileAttributeView(path, UserDefinedFileAttributeView.class, NOFOLLOW);
      if (view == null) {
        return;
      }
      for (Map.Entry<String, String> x : e.xattrs().entrySet()) {
        // Java reaches the user namespace only; security.* and trusted.* need native calls.
        if (!x.getKey().startsWith("user.")) {
          continue;
        }
        try {
          // PAX stores the raw bytes as ISO-8859-1 characters (commons-compress reads them so).
          view.write(x.getKey().substring("user.".length()),
              ByteBuffer.wrap(x.getValue().getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException | UnsupportedOperationException unsupported) {
          return; // the file system takes no user xattrs (tmpfs before 6.6, some overlays)
        }
      }
    }

    private void makeDirectory(Path dir) throws IOException {
      Files.createDirectory(dir);
      written.add(dir);
    }

    /** Lets a non-root run write into a read-only directory of a lower layer. */
    private void unlock(Path dir) throws IOException {
      if (options.restoreOwners() || Files.isWritable(dir) || unlocked.containsKey(dir)) {
        return;
      }
      int mode = (Integer) Files.getAttribute(dir, "unix:mode", NOFOLLOW) & 07777;
      unlocked.put(dir, mode);
      Files.setAttribute(dir, "unix:mode", mode | 0700, NOFOLLOW);
    }

    private void hideLowerChildren(Path dir) throws IOException {
      List<Path> children;
      try (var list = Files.list(dir)) {
        children = list.toList();
      }
      for (Path child : children) {
        if (!written.contains(child)) {
          deleteTree(child);
        } else if (Files.isDirectory(child, NOFOLLOW)) {
          hideLowerChildren(child);
        }
      }
    }

    private void finishDirectories() throws IOException {
      for (Map.Entry<Path, Integer> u : unlocked.entrySet()) {
        if (!directories.containsKey(u.getKey())) {
          Files.setAttribute(u.getKey(), "unix:mode", u.getValue(), NOFOLLOW);
        }
      }
      List<Map.Entry<Path, LayerEntry>> dirs = new ArrayList<>(directories.entrySet());
      for (int i = dirs.size() - 1; i >= 0; i--) {
        Path p = dirs.get(i).getKey();
        if (Files.isDirectory(p, NOFOLLOW)) {
          setMetadata(p, dirs.get(i).getValue());
        }
      }
    }
  }

  /** Deletes a file or a directory tree without following any symlink. */
  static void deleteTree(Path path) throws IOException {
    BasicFileAttributes a = RootedResolver.lstat(path);
    if (a == null) {
      return;
    }
    if (a.isDirectory()) {
      if (!Files.isWritable(path)) {
        Files.setAttribute(path, "unix:mode", 0700, NOFOLLOW);
      }
      List<Path> children;
      try (var list = Files.list(path)) {
        children = list.toList();
      }
      for (Path child : children) {
        deleteTree(child);
      }
    }
    Files.delete(path);
  }

  private static String octal(int mode) {
    return Integer.toOctalString(mode);
  }

  private static void runTool(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(command.get(0) + " did not finish");
      }
      if (p.exitValue() != 0) {
        throw new IOException(command.get(0) + " failed: " + output.strip());
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), ex);
    }
  }
}
