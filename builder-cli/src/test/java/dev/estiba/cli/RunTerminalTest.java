package dev.estiba.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.estiba.run.Executables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code estiba run -it}, -i and -t: estiba runs in its own JVM, under util-linux {@code script} (a pty as its
 * terminal) or with a pipe as standard input.
 */
class RunTerminalTest {
    @TempDir
    static Path tmp;
    static String image;

    @BeforeAll
    static void busyboxImage() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "estiba run tests need root");
        Path busybox = Executables.find("busybox").orElse(null);
        assumeTrue(busybox != null, "busybox is not installed: apt-get install -y busybox-static");
        Path ctx = Files.createDirectories(tmp.resolve("ctx"));
        Files.copy(busybox, ctx.resolve("busybox"));
        Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nCOPY busybox /bin/busybox\n");
        EstibaCommandTest.Run r = EstibaCommandTest.run("build", "--cache-dir", tmp.resolve("cache").toString(),
            "--progress", "plain", "--output", "type=oci,dest=" + tmp.resolve("layout"), ctx.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        image = "oci:" + tmp.resolve("layout");
    }

    record Result(int exit, String output) {
    }

    /** estiba in a new JVM, its standard input fed {@code stdin} (null: /dev/null). */
    static Result estiba(List<String> argv, String stdin) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), Estiba.class.getName()));
        cmd.addAll(argv);
        return start(new ProcessBuilder(cmd), stdin);
    }

    static Result start(ProcessBuilder pb, String stdin) throws Exception {
        pb.redirectErrorStream(true);
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process p = pb.start();
        if (stdin != null) {
            try (var in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "estiba did not end");
        return new Result(p.exitValue(), out);
    }

    static List<String> run(String isolation, String... rest) {
        List<String> argv = new ArrayList<>(List.of("run", "--cache-dir", tmp.resolve("cache").toString(),
            "--isolation", isolation));
        argv.addAll(List.of(rest));
        return argv;
    }

    static void assumeAvailable(String isolation) {
        assumeTrue(!isolation.equals("runc") || Executables.find("runc").isPresent(), "runc is not installed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"runc", "chroot"})
    void dashItGivesTheProcessATerminalOfItsOwnAndItsExitCode(String isolation) throws Exception {
        assumeAvailable(isolation);
        Path script = Executables.find("script").orElse(null);
        assumeTrue(script != null, "util-linux script is not installed");
        String line = String.join(" ", run(isolation, "-it", image, "/bin/busybox", "sh", "-c",
            "'busybox tty; echo TERM=$TERM; exit 7'").stream().map(RunTerminalTest::word).toList());
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
            System.getProperty("java.class.path"), Estiba.class.getName());
        String command = String.join(" ", java.stream().map(RunTerminalTest::word).toList()) + " " + line;
        Result r = start(new ProcessBuilder(script.toString(), "-qefc", command, "/dev/null"), null);
        assertEquals(7, r.exit(), r.output());
        Matcher m = Pattern.compile("(/dev/pts/[0-9]+)\r\nTERM=xterm\r\n").matcher(r.output());
        assertTrue(m.find(), r.output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"runc", "chroot"})
    void withoutATerminalDashTIsRefusedAndDashIPassesStdin(String isolation) throws Exception {
        assumeAvailable(isolation);
        Result refused = estiba(run(isolation, "-it", image, "/bin/busybox", "true"), null);
        assertEquals(new Result(ExitCodes.FINDINGS, "estiba: the input device is not a TTY\n"), refused);
        Result piped = estiba(run(isolation, "-i", image, "/bin/busybox", "sh", "-c", "busybox tty; cat; exit 3"),
            "piped in\n");
        assertEquals(new Result(3, "not a tty\npiped in\n"), piped);
    }

    /** A word for script's sh -c: single-quoted unless already quoted. */
    static String word(String w) {
        return w.startsWith("'") ? w : "'" + w.replace("'", "'\\''") + "'";
    }
}
