package dev.estiba.build.copy;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * The image a COPY or ADD writes into, as far as destination rules need it: whether a path exists, what it is,
 * and where a path leads once symlinked directories on the way are followed.
 */
public interface ExistingTree {
    /** An empty tree (FROM scratch before any layer). */
    ExistingTree EMPTY = new ExistingTree() {
        @Override
        public Optional<Node> node(String path) {
            return Optional.empty();
        }

        @Override
        public String resolve(String path) {
            return path;
        }
    };

    /** What is at a path. */
    enum Kind { FILE, DIRECTORY, SYMLINK, OTHER }

    /**
     * One existing entry.
     *
     * @param kind what it is
     * @param mode permission bits
     * @param uid owner
     * @param gid group
     * @param mtime modification time
     */
    record Node(Kind kind, int mode, long uid, long gid, Instant mtime) {
    }

    /** The entry at an absolute, already resolved path ({@code /a/b}), not following a final symlink. */
    Optional<Node> node(String path) throws IOException;

    /** The path with every symlink on the way followed inside the image's root; a missing rest is kept. */
    String resolve(String path) throws IOException;
}
