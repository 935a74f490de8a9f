package dev.estiba.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A directory tree described line by line: path, type, mode, owner and link target. */
final class Tree {
    private Tree() {
    }

    static List<String> describe(Path root) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted().toList()) {
                if (p.equals(root)) {
                    continue;
                }
                PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String type = a.isDirectory() ? "d" : a.isSymbolicLink() ? "l" : a.isRegularFile() ? "f" : "?";
                int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
                int uid = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                int gid = (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
                String line = root.relativize(p) + " " + type + " " + Integer.toOctalString(mode) + " " + uid + ":" + gid;
                if (a.isSymbolicLink()) {
                    line += " -> " + Files.readSymbolicLink(p);
                }
                lines.add(line);
            }
        }
        return lines;
    }
}
