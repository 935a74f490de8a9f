package dev.estiba.build;

import dev.estiba.testing.RepoRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.estiba.format.DirectoryFiles;
import dev.estiba.format.ocilayout.OciLayoutReader;
import dev.estiba.image.ExecutionConfig;
import dev.estiba.image.ImageConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance suite: each {@code testdata/conformance/CASE/} is built by estiba and by buildah
 * ({@code bud --isolation chroot --storage-driver vfs}), both images are unpacked with umoci, and their file
 * trees (path, type, mode, owner, content, link target) and config fields must be equal, except for the
 * intended differences listed with their reasons in {@code testdata/conformance/known-differences.txt}.
 */
class ConformanceTest {
    @TempDir
    Path tmp;

    static Path repoRoot() {
        return RepoRoot.path();
    }

    @TestFactory
    List<DynamicTest> estibaBuildsWhatBuildahBuilds() throws IOException {
        Path suite = repoRoot().resolve("testdata/conformance");
        List<String> known = Files.readAllLines(suite.resolve("known-differences.txt")).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> cases = Files.list(suite)) {
            for (Path c : cases.filter(Files::isDirectory).sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(c.getFileName().toString(), () -> compare(c, known)));
            }
        }
        return tests;
    }

    private void compare(Path dir, List<String> known) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/buildah")) && Files.isExecutable(Path.of("/usr/bin/umoci")),
            "buildah and umoci are needed (bin/lib/test-env.sh installs them)");
        assumeTrue("root".equals(System.getProperty("user.name")), "buildah vfs and umoci unpack need root here");
        String name = dir.getFileName().toString();
        Path work = tmp.resolve(name);
        Path ours = work.resolve("estiba");
        Build.dockerfile(dir.resolve("Dockerfile")).context(dir).cacheDir(work.resolve("cache")).tag("conf:latest")
            .output(new Output(Output.Type.OCI, ours)).run();
        Path theirs = work.resolve("buildah");
        List<String> store = List.of("--root", work.resolve("bh-root").toString(), "--runroot",
            work.resolve("bh-run").toString(), "--storage-driver", "vfs");
        run(concat(List.of("buildah"), store, List.of("bud", "--isolation", "chroot", "-q", "-t", "conf-" + name,
            "-f", dir.resolve("Dockerfile").toString(), dir.toString())));
        run(concat(List.of("buildah"), store, List.of("push", "-q", "conf-" + name, "oci:" + theirs + ":latest")));
        run(List.of("umoci", "unpack", "--image", ours + ":latest", work.resolve("u-estiba").toString()));
        run(List.of("umoci", "unpack", "--image", theirs + ":latest", work.resolve("u-buildah").toString()));

        Map<String, String> a = describe(ours, work.resolve("u-estiba/rootfs"));
        Map<String, String> b = describe(theirs, work.resolve("u-buildah/rootfs"));
        for (String k : known) {
            String[] f = k.split("\\s+", 3);
            if (f[0].equals(name) || f[0].equals("*")) {
                a.remove(f[1]);
                b.remove(f[1]);
            }
        }
        assertEquals(b, a, name + ": estiba (actual) differs from buildah (expected)");
    }

    /** Config fields and every file of the unpacked root file system, one line each. */
    private static Map<String, String> describe(Path layout, Path rootfs) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        OciLayoutReader r = OciLayoutReader.open(new DirectoryFiles(layout, layout.toString()));
        ImageConfig config = r.image("latest").config().value();
        ExecutionConfig c = config.executionConfig();
        out.put("config.Env", String.valueOf(c.env()));
        out.put("config.Entrypoint", String.valueOf(c.entrypoint()));
        out.put("config.Cmd", String.valueOf(c.cmd()));
        out.put("config.WorkingDir", String.valueOf(c.workingDir()));
        out.put("config.User", String.valueOf(c.user()));
        if (c.labels() != null) {
            new TreeMap<>(c.labels()).forEach((k, v) -> out.put("config.Labels." + k, v));
        }
        out.put("config.ExposedPorts", String.valueOf(c.exposedPorts()));
        out.put("config.Volumes", String.valueOf(c.volumes()));
        out.put("config.StopSignal", String.valueOf(c.stopSignal()));
        out.put("config.Healthcheck", String.valueOf(c.healthcheck() == null ? null : List.of(c.healthcheck().test(),
            String.valueOf(c.healthcheck().interval()), String.valueOf(c.healthcheck().timeout()),
            String.valueOf(c.healthcheck().retries()))));
        out.put("config.OnBuild", String.valueOf(c.onBuild()));
        out.put("config.Shell", String.valueOf(c.shell()));
        out.put("author", String.valueOf(config.author()));
        out.put("architecture", config.architecture() + "/" + config.os());
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(rootfs)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.equals(rootfs)) {
                    continue;
                }
                Map<String, Object> s = Files.readAttributes(p, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
                int mode = (Integer) s.get("mode");
                String what = switch (mode & 0170000) {
                    case 0040000 -> "dir";
                    case 0120000 -> "symlink -> " + Files.readSymbolicLink(p);
                    case 0100000 -> "file " + sha(p);
                    default -> "other";
                };
                files.put("/" + rootfs.relativize(p), what + " " + String.format("%04o", mode & 07777) + " "
                    + s.get("uid") + ":" + s.get("gid"));
            }
        }
        out.putAll(files);
        return out;
    }

    private static String sha(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(in.readAllBytes());
            return HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> p : parts) {
            all.addAll(p);
        }
        return all;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + log);
        }
    }
}
