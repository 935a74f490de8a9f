package dev.estiba.run;

import java.nio.file.Path;

/** A host file bound read-only over a container path, outside the layer ({@code /etc/hosts}). */
public record BoundFile(String target, Path source) {}
