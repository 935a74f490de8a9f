package dev.estiba.run;

import dev.estiba.run.diff.ChangeSet;
import dev.estiba.run.diff.LayerChanges;

/**
 * What a step produced: how its process ended and, for a layered root, its change set (read after
 * every mount and process of the step is gone).
 */
public record StepOutcome(RunResult result, ChangeSet changes, Isolation isolation) {

  /** The change set in the layer writer's model, ready for {@code dev.estiba.layer.LayerWriter}. */
  public dev.estiba.layer.ChangeSet layerChanges() {
    return LayerChanges.toLayer(changes);
  }
}
