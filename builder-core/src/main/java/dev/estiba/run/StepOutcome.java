package dev.estiba.run;

import dev.estiba.run.diff.ChangeSet;

/**
 * What a step produced: how its process ended and, for a layered root, its change set (read after
 * every mount and process of the step is gone).
 */
public record StepOutcome(RunResult result, ChangeSet changes, Isolation isolation) {}
