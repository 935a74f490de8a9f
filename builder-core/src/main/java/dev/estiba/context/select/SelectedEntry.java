package dev.estiba.context.select;

import dev.estiba.context.ContextEntry;

/**
 * One entry a COPY or ADD writes, and where. A file named as a source has its own name as destination; when
 * the instruction's destination is a file path (one source, no trailing {@code /}, not an existing directory),
 * the engine writes it there instead.
 *
 * @param source      the entry in the context (a symlink named as a source is already followed)
 * @param destination slash-separated path relative to the destination directory
 */
public record SelectedEntry(ContextEntry source, String destination) {
}
