package dev.estiba.context;

/**
 * One file, directory or symlink of a build context, after {@code .dockerignore}.
 *
 * @param path       context-relative, slash-separated, never empty
 * @param stat       what lstat said when the context was walked
 * @param linkTarget the target of a symlink as stored in the link, else null
 */
public record ContextEntry(String path, FileStat stat, String linkTarget) {
    /** The entry's kind. */
    public EntryType type() {
        return stat.type();
    }

    /** Permission bits ({@code 07777}). */
    public int mode() {
        return stat.mode();
    }

    /** The last path element. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
