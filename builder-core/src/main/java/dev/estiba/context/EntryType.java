package dev.estiba.context;

/** The kinds of context entries a build can copy. */
public enum EntryType {
    /** A regular file. */
    FILE,
    /** A directory. */
    DIRECTORY,
    /** A symbolic link, copied as a link. */
    SYMLINK
}
