package dev.estiba.build;

import dev.estiba.image.Digest;
import dev.estiba.instructions.Mount;
import dev.estiba.instructions.Origin;
import dev.estiba.run.MountSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code RUN --mount} as {@code dev.estiba.run} mounts: {@code type=tmpfs} and {@code type=cache} so far.
 * A cache mount is a directory under the cache dir named by a digest of its id (default: the target), made
 * with the mount's uid, gid and mode the first time; {@code sharing=locked} steps using it run one at a time.
 */
final class RunMounts {
    /** In this process; estiba takes no lock across processes on a cache mount yet. */
    private static final Map<Path, Lock> LOCKS = new ConcurrentHashMap<>();

    private RunMounts() {
    }

    static MountSpec spec(Mount m, Path caches, List<Lock> locks, Origin origin) throws BuildException, IOException {
        String target = m.target().orElseThrow(() ->
            new BuildException(origin, "RUN --mount=" + m.text() + ": a target is required", null));
        try {
            return switch (m.type()) {
                case TMPFS -> new MountSpec.Tmpfs(target, m.size().orElse(0L));
                case CACHE -> {
                    if (m.from().isPresent() || m.source().isPresent()) {
                        throw new BuildException(origin, "RUN --mount=" + m.text()
                            + ": cache mounts with from or source are not supported yet", null);
                    }
                    String id = m.id().orElse(target);
                    Path dir = caches.resolve(Digest.sha256(id.getBytes(StandardCharsets.UTF_8)).hex());
                    if (!Files.isDirectory(dir)) {
                        create(dir, m);
                    }
                    if (m.sharing().orElse("shared").equals("locked")) {
                        Lock lock = LOCKS.computeIfAbsent(dir, d -> new ReentrantLock());
                        if (!locks.contains(lock)) {
                            locks.add(lock); // a step naming the same cache twice takes its lock once
                        }
                    }
                    yield new MountSpec.Cache(dir, target);
                }
                default -> throw new BuildException(origin, "RUN --mount=type=" + m.type()
                    + " is not supported yet", null);
            };
        } catch (IllegalArgumentException e) {
            throw new BuildException(origin, "RUN --mount=" + m.text() + ": " + e.getMessage(), e);
        }
    }

    /** Made under a temporary name so a half-made cache never shows. */
    private static void create(Path dir, Mount m) throws IOException {
        Files.createDirectories(dir.getParent());
        Path tmp = Files.createTempDirectory(dir.getParent(), ".new-");
        int mode = m.mode().orElse(0755);
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                perms.add(order[bit]);
            }
        }
        Files.setPosixFilePermissions(tmp, perms);
        Files.setAttribute(tmp, "unix:uid", m.uid().orElse(0L).intValue());
        Files.setAttribute(tmp, "unix:gid", m.gid().orElse(0L).intValue());
        try {
            Files.move(tmp, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            Files.delete(tmp); // another build made it first
        }
    }
}
