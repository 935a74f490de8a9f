package dev.estiba.context.select;

import dev.estiba.context.ContextEntry;

/**
 * One context entry a COPY or ADD writes, and where.
 *
 * @param source      the entry in the context (a symlink named as a source is already followed)
 * @param destination slash-separated path relative to the destination directory
 */
public record SelectedEntry(ContextEntry source, String destination) {
}
