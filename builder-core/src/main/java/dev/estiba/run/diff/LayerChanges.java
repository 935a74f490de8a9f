package dev.estiba.run.diff;

import dev.estiba.layer.ChangeEntry;
import dev.estiba.layer.ContentSource;
import dev.estiba.layer.Device;
import dev.estiba.layer.EntryType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Converts a step's change set into the layer writer's model ({@link dev.estiba.layer.ChangeSet}). */
public final class LayerChanges {
  private LayerChanges() {}

  /** The same changes for {@code dev.estiba.layer.LayerWriter}; file content is read from the upper dir. */
  public static dev.estiba.layer.ChangeSet toLayer(ChangeSet changes) {
    List<ChangeEntry> entries = new ArrayList<>();
    Set<String> deleted = new LinkedHashSet<>();
    Set<String> opaque = new LinkedHashSet<>();
    for (Change change : changes.changes()) {
      if (change instanceof Change.Deleted d) {
        deleted.add(d.path());
      } else if (change instanceof Change.Opaque o) {
        opaque.add(o.path());
      } else {
        entries.add(entry((Change.Entry) change));
      }
    }
    return new dev.estiba.layer.ChangeSet(entries, deleted, opaque);
  }

  private static ChangeEntry entry(Change.Entry e) {
    return switch (e.type()) {
      case FILE -> ChangeEntry.file(
          e.path(), e.mode(), e.uid(), e.gid(), e.modified(), e.size(), ContentSource.of(e.source()));
      case DIRECTORY -> ChangeEntry.directory(e.path(), e.mode(), e.uid(), e.gid(), e.modified());
      case SYMLINK -> ChangeEntry.symlink(e.path(), e.linkTarget(), e.uid(), e.gid(), e.modified());
      case HARDLINK -> ChangeEntry.hardlink(e.path(), e.linkTarget(), e.mode(), e.uid(), e.gid(), e.modified());
      case CHAR_DEVICE, BLOCK_DEVICE -> new ChangeEntry(
          e.path(), e.type() == Change.EntryType.CHAR_DEVICE ? EntryType.CHAR_DEVICE : EntryType.BLOCK_DEVICE,
          e.mode(), e.uid(), e.gid(), e.modified(), 0, null, null, null,
          new Device(e.deviceMajor(), e.deviceMinor()));
      case FIFO -> new ChangeEntry(
          e.path(), EntryType.FIFO, e.mode(), e.uid(), e.gid(), e.modified(), 0, null, null, null, null);
    };
  }
}
