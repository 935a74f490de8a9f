package dev.estiba.layer.index;

import dev.estiba.layer.EntryType;
import dev.estiba.layer.read.EntryPath;
import dev.estiba.layer.read.InvalidLayerException;
import dev.estiba.layer.read.LayerEntry;
import dev.estiba.layer.read.LayerSource;
import dev.estiba.layer.read.LayerTarReader;
import dev.estiba.layer.read.SymlinkWalk;
import dev.estiba.layer.read.UnresolvablePathException;
import dev.estiba.layer.read.Whiteouts;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The final file tree of an image, built from the tar headers of its layers without unpacking
 * them: whiteouts and opaque directories applied, paths mapped to type, mode, owner, size, link
 * target and mtime.
 *
 * <p>Lookups resolve symlinks inside the tree the way the kernel does inside the container (an
 * absolute target starts at the image root, {@code ..} stops at the root), so a build step can
 * find where {@code COPY x /app/} lands when {@code /app} is a link. {@link #readFile} fetches one
 * file's bytes (e.g. {@code /etc/passwd}) by reading the layer that holds it.
 */
public final class ImageFileIndex {

  /** More hard-link hops than this are a loop. */
  static final int MAX_SYMLINKS = SymlinkWalk.MAX_SYMLINKS;

  private final List<LayerSource> layers;
  private final NavigableMap<String, IndexedFile> files;

  private ImageFileIndex(List<LayerSource> layers, NavigableMap<String, IndexedFile> files) {
    this.layers = List.copyOf(layers);
    this.files = Collections.unmodifiableNavigableMap(files);
  }

  /**
   * Reads the headers of {@code layers}, lowest first.
   *
   * @throws InvalidLayerException for a hostile or corrupt layer, as applying it would
   */
  public static ImageFileIndex build(List<LayerSource> layers) throws IOException {
    TreeMap<String, IndexedFile> files = new TreeMap<>();
    files.put("", IndexedFile.implicitDirectory("", -1));
    for (int i = 0; i < layers.size(); i++) {
      try (LayerTarReader reader = new LayerTarReader(layers.get(i), Long.MAX_VALUE)) {
        LayerEntry e;
        while ((e = reader.next()) != null) {
          try {
            add(files, i, e);
          } catch (UnresolvablePathException ex) {
            throw new InvalidLayerException(layers.get(i).name(), e.name(), ex.getMessage());
          }
        }
      }
    }
    return new ImageFileIndex(layers, files);
  }

  private static void add(TreeMap<String, IndexedFile> files, int layer, LayerEntry e)
      throws UnresolvablePathException {
    if (e.path().isRoot()) {
      if (e.type() != EntryType.DIRECTORY) {
        throw new UnresolvablePathException("cannot replace the root directory");
      }
      files.put("", fromEntry("", layer, e));
      return;
    }
    String name = e.path().fileName();
    boolean whiteout = Whiteouts.isWhiteout(name);
    if (whiteout && !Whiteouts.isOpaque(name) && Whiteouts.hiddenName(name) == null) {
      throw new UnresolvablePathException("whiteout names no file");
    }
    String parent = new Walk(files, true, whiteout ? -1 : layer)
        .resolve(e.path().parent(), true);
    if (parent == null) {
      return; // a whiteout in a directory that is not there
    }
    if (Whiteouts.isOpaque(name)) {
      removeLower(files, parent, layer);
      return;
    }
    if (whiteout) {
      String hidden = join(parent, Whiteouts.hiddenName(name));
      IndexedFile victim = files.get(hidden);
      if (victim != null && victim.layer() < layer) {
        files.remove(hidden);
        removeLower(files, hidden, Integer.MAX_VALUE);
      }
      return;
    }
    if (e.type() == EntryType.HARDLINK) {
      checkHardLinkTarget(files, e.linkTarget());
    }
    String path = join(parent, name);
    IndexedFile existing = files.get(path);
    if (existing != null && existing.isDirectory() && e.type() != EntryType.DIRECTORY) {
      removeLower(files, path, Integer.MAX_VALUE);
    }
    files.put(path, fromEntry(path, layer, e));
  }

  /** Refuses the hard links that applying would refuse, with the same words. */
  private static void checkHardLinkTarget(TreeMap<String, IndexedFile> files, String target)
      throws UnresolvablePathException {
    EntryPath.Parsed parsed = EntryPath.parse(target);
    if (parsed.path() == null) {
      throw new UnresolvablePathException("hard link target \"" + target + "\": " + parsed.refusal());
    }
    if (parsed.path().isRoot()) {
      throw new UnresolvablePathException("hard link to the root directory");
    }
    String dir = new Walk(files, true, -1).resolve(parsed.path().parent(), true);
    IndexedFile f = dir == null ? null : files.get(join(dir, parsed.path().fileName()));
    if (f == null) {
      throw new UnresolvablePathException("hard link target \"" + target + "\" does not exist");
    }
    if (f.isDirectory()) {
      throw new UnresolvablePathException("hard link target \"" + target + "\" is a directory");
    }
  }

  /** Removes the descendants of {@code dir} written by layers below {@code layer}. */
  private static void removeLower(TreeMap<String, IndexedFile> files, String dir, int layer) {
    String prefix = dir.isEmpty() ? "" : dir + "/";
    String end = dir.isEmpty() ? "\uffff" : dir + "0"; // '0' follows '/'
    var children = files.subMap(prefix, true, end, false);
    children.entrySet().removeIf(c -> !c.getKey().isEmpty() && c.getValue().layer() < layer);
  }

  private static IndexedFile fromEntry(String path, int layer, LayerEntry e) {
    return new IndexedFile(path, e.type(), e.mode(), e.uid(), e.gid(), e.size(), e.linkTarget(),
        e.mtime(), layer, e.ordinal(), false);
  }

  static String join(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }

  /** Every path of the tree, the root ({@code ""}) first, in path order. */
  public Collection<IndexedFile> files() {
    return files.values();
  }

  /** The entry at exactly {@code path} (leading slash optional), following no symlink. */
  public Optional<IndexedFile> get(String path) {
    EntryPath p = parseLookup(path);
    return p == null ? Optional.empty() : Optional.ofNullable(files.get(p.toString()));
  }

  /** The entry {@code path} leads to, following symlinks in every component. */
  public Optional<IndexedFile> lookup(String path) {
    return resolve(path, true).map(files::get);
  }

  /** The entry at {@code path}, following symlinks in its parents but not in its last component. */
  public Optional<IndexedFile> lookupNoFollow(String path) {
    return resolve(path, false).map(files::get);
  }

  /**
   * Where {@code path} leads inside the tree, following symlinks (also in the last component when
   * {@code followLast}). Missing components are kept as they are (a COPY would create them as
   * directories). Empty when a component is a file but not the last, or the links loop.
   */
  public Optional<String> resolve(String path, boolean followLast) {
    EntryPath p = parseLookup(path);
    if (p == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(new Walk(files, false, -1).resolve(p.components(), followLast));
    } catch (UnresolvablePathException e) {
      return Optional.empty();
    }
  }

  /** The children of directory {@code dir} (resolved through symlinks), in name order. */
  public List<IndexedFile> list(String dir) {
    Optional<String> d = resolve(dir, true);
    if (d.isEmpty()) {
      return List.of();
    }
    String prefix = d.get().isEmpty() ? "" : d.get() + "/";
    List<IndexedFile> out = new ArrayList<>();
    for (IndexedFile f : files.tailMap(prefix, true).values()) {
      if (!f.path().startsWith(prefix)) {
        break;
      }
      if (!f.path().isEmpty() && f.path().indexOf('/', prefix.length()) < 0) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * The content of the file {@code path} leads to, read from the layer that wrote it.
   *
   * @throws IOException when nothing or no file is there, or it is larger than {@code maxBytes}
   */
  public byte[] readFile(String path, long maxBytes) throws IOException {
    IndexedFile f = lookup(path).orElseThrow(() -> new IOException(path + ": no such file"));
    for (int hops = 0; f.type() == EntryType.HARDLINK; hops++) {
      String target = f.linkTarget();
      if (hops > MAX_SYMLINKS) {
        throw new IOException(path + ": hard links loop");
      }
      f = lookupNoFollow(target).orElseThrow(
          () -> new IOException(path + ": hard link target " + target + " is gone"));
    }
    if (f.type() != EntryType.FILE) {
      throw new IOException(path + ": not a regular file but a " + f.type());
    }
    if (f.size() > maxBytes) {
      throw new IOException(path + ": " + f.size() + " bytes is more than " + maxBytes);
    }
    try (LayerTarReader reader = new LayerTarReader(layers.get(f.layer()), Long.MAX_VALUE)) {
      LayerEntry e;
      while ((e = reader.next()) != null) {
        if (e.ordinal() == f.ordinal()) {
          InputStream in = reader.content();
          byte[] content = in.readNBytes((int) e.size());
          if (content.length != e.size()) {
            throw new InvalidLayerException(reader.source().name(), e.name(), "content is truncated");
          }
          return content;
        }
      }
    }
    throw new IOException(path + ": entry " + f.ordinal() + " is no longer in layer "
        + layers.get(f.layer()).name());
  }

  private static EntryPath parseLookup(String path) {
    String p = path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    if (p.isEmpty()) {
      return new EntryPath(List.of());
    }
    // Lookups may say "..": they climb inside the tree as the kernel would.
    List<String> parts = new ArrayList<>();
    for (String part : p.split("/")) {
      if (part.indexOf('\0') >= 0) {
        return null;
      }
      if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    return new EntryPath(parts);
  }

  /**
   * One {@link SymlinkWalk} through the index.
   *
   * <p>While building ({@code building}), a {@code ..} above the root is refused as applying the
   * layer would, and missing directories are added as implicit ones by layer {@code addLayer}
   * (or, when that is -1, end the walk with {@code null}). Lookups clamp {@code ..} at the root and
   * keep missing components as they are.
   */
  private static final class Walk {
    private final NavigableMap<String, IndexedFile> files;
    private final boolean building;
    private final int addLayer;

    Walk(NavigableMap<String, IndexedFile> files, boolean building, int addLayer) {
      this.files = files;
      this.building = building;
      this.addLayer = addLayer;
    }

    String resolve(List<String> components, boolean followLast)
        throws UnresolvablePathException {
      SymlinkWalk.Tree tree = new SymlinkWalk.Tree() {
        @Override
        public SymlinkWalk.Node lookup(List<String> path) {
          IndexedFile f = files.get(String.join("/", path));
          if (f == null) {
            return null;
          }
          return new SymlinkWalk.Node(f.type() == EntryType.SYMLINK ? SymlinkWalk.Kind.SYMLINK
              : f.isDirectory() ? SymlinkWalk.Kind.DIRECTORY : SymlinkWalk.Kind.OTHER,
              f.linkTarget());
        }

        @Override
        public boolean missingDirectory(List<String> path) {
          if (!building) {
            return true; // nothing below a missing directory can be a link: take the rest as is
          }
          if (addLayer < 0) {
            return false;
          }
          String p = String.join("/", path);
          files.put(p, IndexedFile.implicitDirectory(p, addLayer));
          return true;
        }
      };
      List<String> result;
      try {
        result = SymlinkWalk.resolve(tree, components, followLast,
            building ? SymlinkWalk.AboveRoot.REFUSE : SymlinkWalk.AboveRoot.CLAMP);
      } catch (IOException e) {
        throw new IllegalStateException("an in-memory tree cannot fail to read", e);
      }
      if (result == null) {
        return null;
      }
      String resolved = String.join("/", result);
      if (building) {
        IndexedFile dir = files.get(resolved);
        if (dir == null) {
          if (addLayer < 0) {
            return null;
          }
          files.put(resolved, IndexedFile.implicitDirectory(resolved, addLayer));
        } else if (!dir.isDirectory()) {
          throw new UnresolvablePathException("\"" + resolved + "\" is not a directory");
        }
      }
      return resolved;
    }
  }
}
