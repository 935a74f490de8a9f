package dev.estiba.format;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the external tools that judge our images (skopeo, umoci, podman), skipping when one is absent. */
public final class Judge {
    private Judge() {
    }

    public record Result(int exit, String out, String err) {
        public Result ok(String what) {
            if (exit != 0) {
                throw new AssertionError(what + " failed with exit " + exit + ":\n" + err + out);
            }
            return this;
        }
    }

    /** Skips the test unless {@code tool} is on the PATH. */
    public static void require(String tool) {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                found = true;
            }
        }
        assumeTrue(found, tool + " is not installed; bin/test installs it (bin/lib/test-env.sh), or apt-get install "
            + tool);
    }

    public static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("judge-out", ".txt");
        Path err = Files.createTempFile("judge-err", ".txt");
        try {
            Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
