package dev.estiba.run.diff;

import java.util.List;

/**
 * A step's changes in path order (a directory before its contents), ready for a layer writer. Each
 * directory's children are sorted by name, so the same writes give the same change set.
 */
public record ChangeSet(List<Change> changes) {
  public ChangeSet {
    changes = List.copyOf(changes);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
