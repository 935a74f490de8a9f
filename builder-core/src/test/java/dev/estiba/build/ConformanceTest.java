package dev.estiba.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance suite without RUN: each {@code testdata/conformance/CASE/} (but the {@code run-*} cases of
 * {@link RunConformanceTest}) is built by estiba and by buildah ({@code bud --isolation chroot --storage-driver vfs}),
 * both images are unpacked with umoci, and their file trees (path, type, mode, owner, content, link target) and
 * config fields must be equal. The intended differences are listed with their reasons in
 * {@code testdata/conformance/known-differences.txt}; there estiba must give BuildKit's documented value. A case
 * buildah cannot build at all (KEY {@code *}) is compared with the whole BuildKit result in its
 * {@code expected.txt}. A case with a {@code base/} directory has it built first, by both, as
 * {@code localhost/conformance-base} (Docker format for buildah, which keeps ONBUILD only there).
 */
class ConformanceTest {
    static final String BASE_TAG = "localhost/conformance-base:latest";

    @TempDir
    Path tmp;

    @TestFactory
    List<DynamicTest> estibaBuildsWhatBuildahBuilds() throws IOException {
        List<Conformance.Known> known = Conformance.known();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path c : Conformance.cases(name -> !name.startsWith("run-"))) {
            tests.add(DynamicTest.dynamicTest(c.getFileName().toString(), () -> compare(c, known)));
        }
        return tests;
    }

    @Test
    void everyKnownDifferenceNamesACaseAndEveryWholeCaseHasItsExpectedResult() throws IOException {
        Set<String> cases = Conformance.cases(n -> true).stream().map(p -> p.getFileName().toString())
            .collect(Collectors.toSet());
        for (Conformance.Known k : Conformance.known()) {
            assertTrue(k.pattern() || cases.contains(k.caseName()),
                "known-differences.txt names no case " + k.caseName());
            if (k.key().equals(Conformance.WHOLE_CASE)) {
                assertEquals("expected.txt", k.buildkit(), k.caseName());
                assertTrue(Files.isRegularFile(Conformance.suite().resolve(k.caseName()).resolve("expected.txt")),
                    k.caseName() + "/expected.txt is missing");
            }
        }
    }

    private void compare(Path dir, List<Conformance.Known> known) throws Exception {
        assumeTrue(Conformance.toolsPresent(), "buildah and umoci are needed (bin/lib/test-env.sh installs them)");
        assumeTrue("root".equals(System.getProperty("user.name")), "buildah vfs and umoci unpack need root here");
        String name = dir.getFileName().toString();
        boolean buildahCannot = known.stream()
            .anyMatch(k -> k.caseName().equals(name) && k.key().equals(Conformance.WHOLE_CASE));
        Path work = tmp.resolve(name);
        Path cache = work.resolve("cache");
        Conformance.Buildah buildah = new Conformance.Buildah(work.resolve("buildah-store"));
        Path base = dir.resolve("base");
        if (Files.isDirectory(base)) {
            Build.dockerfile(base.resolve("Dockerfile")).context(base).cacheDir(cache).tag(BASE_TAG).run();
            if (!buildahCannot) {
                List<String> bud = buildah.command("bud", "--isolation", "chroot", "-q", "--format", "docker", "-t",
                    BASE_TAG, base.toString());
                Conformance.run(bud);
            }
        }
        List<String> options = Conformance.buildArgs(dir);
        Path ours = work.resolve("estiba");
        Conformance.apply(Build.dockerfile(dir.resolve("Dockerfile")).context(dir).cacheDir(cache).tag("conf:latest")
            .output(new Output(Output.Type.OCI, ours)), options).run();
        Map<String, String> a = Conformance.unpackAndDescribe(ours, work.resolve("u-estiba"));
        if (buildahCannot) {
            Conformance.assertMatchesExpected(dir, a);
            return;
        }
        Path theirs = work.resolve("buildah");
        buildah.build(dir, dir.resolve("Dockerfile"), "conf-" + name, options, theirs);
        Map<String, String> b = Conformance.unpackAndDescribe(theirs, work.resolve("u-buildah"));
        Conformance.assertConforms(name, a, b, known);
    }
}
