package dev.estiba.build;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test fixture: copies a dynamically linked host program and the libraries {@code ldd} names (the loader too) into a
 * directory at their own paths, so a {@code COPY dir/ /} puts a working copy into a busybox image.
 */
final class HostProgram {
    private static final Pattern LIBRARY = Pattern.compile("(?:=>\\s*)?(/\\S+)\\s+\\(0x");

    private HostProgram() {
    }

    /** Copies {@code program} and its libraries under {@code root}; skips the test when either tool is missing. */
    static void copy(Path program, Path root) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(program), program + " is not installed (Debian: openssh-client)");
        Process ldd = new ProcessBuilder("ldd", program.toString()).redirectErrorStream(true).start();
        String out = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(ldd.waitFor() == 0, "ldd " + program + " failed: " + out);
        List<Path> files = new ArrayList<>(List.of(program));
        Matcher m = LIBRARY.matcher(out);
        while (m.find()) {
            files.add(Path.of(m.group(1)));
        }
        for (Path f : files) {
            Path to = root.resolve(f.toString().substring(1));
            Files.createDirectories(to.getParent());
            Files.copy(f, to); // follows the host's symlinks: the image gets plain files
            Files.setAttribute(to, "unix:mode", 0755);
        }
    }
}
