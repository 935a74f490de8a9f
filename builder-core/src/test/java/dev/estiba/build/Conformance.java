package dev.estiba.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.format.DirectoryFiles;
import dev.estiba.format.ocilayout.OciLayoutReader;
import dev.estiba.image.ExecutionConfig;
import dev.estiba.image.ImageConfig;
import dev.estiba.testing.RepoRoot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the conformance suites share: the cases of {@code testdata/conformance}, their build options, the known
 * differences, buildah with a private vfs store, and the one-line-per-field description of an unpacked image.
 */
final class Conformance {
    /** A case directory's file of extra build options, one {@code --build-arg K=V} or {@code --target T} a line. */
    static final String BUILD_ARGS = "build.args";
    /** Marks a whole case that buildah cannot build: KEY {@code *} in the known differences. */
    static final String WHOLE_CASE = "*";
    /** The value of a known difference where estiba must not have the key at all. */
    static final String ABSENT = "(absent)";

    private Conformance() {
    }

    static Path suite() {
        return RepoRoot.path().resolve("testdata/conformance");
    }

    /**
     * The case directories, sorted, that {@code which} accepts by name (and, when the system property
     * {@code conformance.cases} lists names separated by commas, only those: for working on a few).
     */
    static List<Path> cases(java.util.function.Predicate<String> which) throws IOException {
        String only = System.getProperty("conformance.cases", "");
        List<String> names = only.isBlank() ? List.of() : List.of(only.split(","));
        try (Stream<Path> all = Files.list(suite())) {
            return all.filter(Files::isDirectory).filter(p -> which.test(p.getFileName().toString()))
                .filter(p -> names.isEmpty() || names.contains(p.getFileName().toString())).sorted().toList();
        }
    }

    /**
     * One intended difference from buildah: in {@code caseName} ({@code *}: every case; {@code run-*}: every case
     * whose name starts with {@code run-}), the field or path
     * {@code key} is expected to be {@code buildkit} in estiba's image (BuildKit's documented result), whatever
     * buildah writes.
     */
    record Known(String caseName, String key, String buildkit, String reason) {
        boolean applies(String name) {
            return caseName.equals(name) || pattern() && name.startsWith(caseName.substring(0, caseName.length() - 1));
        }

        /** Whether the entry names several cases ({@code *} or a prefix ending in {@code *}). */
        boolean pattern() {
            return caseName.endsWith(WHOLE_CASE);
        }
    }

    /** Reads {@code known-differences.txt}: tab-separated CASE, KEY, BUILDKIT VALUE, REASON. */
    static List<Known> known() throws IOException {
        List<Known> all = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(suite().resolve("known-differences.txt"))) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 4 || f[3].isBlank()) {
                throw new IllegalStateException("known-differences.txt:" + n
                    + ": expected CASE<TAB>KEY<TAB>BUILDKIT VALUE<TAB>REASON");
            }
            all.add(new Known(f[0], f[1], f[2], f[3]));
        }
        return all;
    }

    /** The case's build options ({@code build.args}), as buildah takes them. */
    static List<String> buildArgs(Path dir) throws IOException {
        Path file = dir.resolve(BUILD_ARGS);
        List<String> args = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    String[] f = line.trim().split(" ", 2);
                    args.add(f[0]);
                    args.add(f[1]);
                }
            }
        }
        return args;
    }

    /** Applies the case's build options to an estiba build. */
    static Build apply(Build b, List<String> args) {
        for (int i = 0; i < args.size(); i += 2) {
            String v = args.get(i + 1);
            switch (args.get(i)) {
                case "--build-arg" -> b.buildArg(v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1));
                case "--target" -> b.target(v);
                default -> throw new IllegalArgumentException("build.args: unknown option " + args.get(i));
            }
        }
        return b;
    }

    /** buildah with its own vfs store under {@code dir}. */
    record Buildah(Path dir) {
        List<String> command(String... args) {
            List<String> all = new ArrayList<>(List.of("buildah", "--root", dir.resolve("root").toString(),
                "--runroot", dir.resolve("run").toString(), "--storage-driver", "vfs"));
            all.addAll(List.of(args));
            return all;
        }

        /** {@code buildah bud --isolation chroot} of a case, then pushed as {@code oci:OUT:latest}. */
        void build(Path context, Path dockerfile, String tag, List<String> options, Path out) throws Exception {
            build(context, dockerfile, tag, List.of("chroot"), options, out);
        }

        /** {@code buildah bud --isolation ISOLATION...} of a case, then pushed as {@code oci:OUT:latest}. */
        void build(Path context, Path dockerfile, String tag, List<String> isolation, List<String> options, Path out)
                throws Exception {
            List<String> bud = command("bud", "-q", "-t", tag, "-f", dockerfile.toString(), "--isolation");
            bud.addAll(isolation);
            bud.addAll(options);
            bud.add(context.toString());
            run(bud);
            run(command("push", "-q", tag, "oci:" + out + ":latest"));
        }
    }

    static boolean toolsPresent() {
        return Files.isExecutable(Path.of("/usr/bin/buildah")) && Files.isExecutable(Path.of("/usr/bin/umoci"));
    }

    /**
     * Asserts estiba's description equals buildah's except for the case's known differences, where it must equal
     * BuildKit's value instead. Every case-specific known difference must still occur (no stale entries).
     */
    static void assertConforms(String name, Map<String, String> estiba, Map<String, String> buildah,
            List<Known> known) {
        assertConforms(name, estiba, buildah, known, name);
    }

    /** As above, with {@code label} naming the comparison in failures. */
    static void assertConforms(String name, Map<String, String> estiba, Map<String, String> buildah,
            List<Known> known, String label) {
        Map<String, String> a = new TreeMap<>(estiba);
        Map<String, String> b = new TreeMap<>(buildah);
        for (Known k : known) {
            if (!k.applies(name) || k.key().equals(WHOLE_CASE)) {
                continue;
            }
            String ours = a.remove(k.key());
            String theirs = b.remove(k.key());
            assertEquals(ABSENT.equals(k.buildkit()) ? null : k.buildkit(), ours,
                label + ": " + k.key() + " must be BuildKit's value (" + k.reason() + ")");
            if (!k.pattern()) {
                assertFalse(java.util.Objects.equals(ours, theirs),
                    label + ": " + k.key() + " is listed as a known difference but buildah agrees; drop the entry");
            }
        }
        assertEquals(b, a, () -> label + ": estiba (actual) differs from buildah (expected):\n" + diff(a, b));
    }

    /** Asserts estiba's description equals the whole BuildKit result written in the case's {@code expected.txt}. */
    static void assertMatchesExpected(Path dir, Map<String, String> estiba) throws IOException {
        Map<String, String> expected = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve("expected.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int tab = line.indexOf('\t');
                assertTrue(tab > 0, "expected.txt: KEY<TAB>VALUE: " + line);
                expected.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        assertEquals(expected, new TreeMap<>(estiba),
            () -> dir.getFileName() + ": estiba (actual) differs from expected.txt:\n" + diff(estiba, expected));
    }

    /** The keys whose values differ, one line each, for a readable failure. */
    static String diff(Map<String, String> estiba, Map<String, String> other) {
        StringBuilder out = new StringBuilder();
        java.util.SortedSet<String> keys = new java.util.TreeSet<>(estiba.keySet());
        keys.addAll(other.keySet());
        for (String k : keys) {
            if (!java.util.Objects.equals(estiba.get(k), other.get(k))) {
                out.append(k).append("\n    estiba: ").append(estiba.get(k)).append("\n    other:  ")
                    .append(other.get(k)).append('\n');
            }
        }
        return out.toString();
    }

    /** Unpacks {@code layout:latest} with umoci into {@code into} and describes it. */
    static Map<String, String> unpackAndDescribe(Path layout, Path into) throws Exception {
        run(List.of("umoci", "unpack", "--image", layout + ":latest", into.toString()));
        return describe(layout, into.resolve("rootfs"));
    }

    /** Config fields and every file of the unpacked root file system, one line each. */
    static Map<String, String> describe(Path layout, Path rootfs) throws IOException {
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
            String.valueOf(c.healthcheck().startPeriod()), String.valueOf(c.healthcheck().startInterval()),
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
                Map<String, Object> s = Files.readAttributes(p, "unix:mode,uid,gid,nlink", LinkOption.NOFOLLOW_LINKS);
                int mode = (Integer) s.get("mode");
                String what = switch (mode & 0170000) {
                    case 0040000 -> "dir";
                    case 0120000 -> "symlink -> " + Files.readSymbolicLink(p);
                    case 0100000 -> "file " + sha(p) + ((Integer) s.get("nlink") > 1 ? " links=" + s.get("nlink") : "");
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
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + log);
        }
    }
}
