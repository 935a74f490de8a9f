package dev.estiba.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs the external tools the registry tests use, each with a bounded wait. */
public final class TestProcesses {
    private TestProcesses() {
    }

    /** The result of a finished command. */
    public record Result(int exit, String output) {
    }

    /** Skips the calling test when a tool is not installed (bin/lib/test-env.sh installs them). */
    public static void assumeInstalled(String command) {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty() && Path.of(dir, command).toFile().canExecute()) {
                found = true;
                break;
            }
        }
        Assumptions.assumeTrue(found, command + " is not installed (bin/lib/test-env.sh installs it)");
    }

    /** Runs a command in dir and fails unless it exits 0. */
    public static String run(Path dir, String... command) throws IOException {
        Result r = exec(dir, List.of(command));
        if (r.exit() != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit " + r.exit() + ":\n" + r.output());
        }
        return r.output();
    }

    /** Runs a command in dir with stderr merged into the output, waiting at most two minutes. */
    public static Result exec(Path dir, List<String> command) throws IOException {
        // Output goes to a file, so a hung tool cannot block us on a full pipe: the wait below is the bound.
        Path log = java.nio.file.Files.createTempFile("estiba-test-", ".out");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        try {
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in time");
            }
            return new Result(p.exitValue(), java.nio.file.Files.readString(log, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            java.nio.file.Files.deleteIfExists(log);
        }
    }
}
