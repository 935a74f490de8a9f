package dev.estiba.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.estiba.run.Isolation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RUN conformance suite (issue 6 §5): each {@code testdata/conformance/run-*} case starts
 * {@code FROM localhost/busybox-base}, an image with Debian's static busybox built once per run (by estiba, then
 * copied into buildah's vfs store with skopeo). Each case is built by estiba with runc and with the built-in
 * chroot isolation, which must give the same image (same layers, same config), and by buildah with
 * {@code --isolation chroot} and with {@code --isolation oci --runtime runc}; the unpacked trees and configs must
 * match buildah's except for the known differences ({@code known-differences.txt}, as in {@link ConformanceTest});
 * a case buildah cannot build is compared with its {@code expected.txt}.
 */
class RunConformanceTest {
    static final String BASE = "localhost/busybox-base:latest";

    @TempDir
    Path tmp;

    private Path cache;
    private Conformance.Buildah buildah;

    @TestFactory
    List<DynamicTest> runStepsBuildWhatBuildahBuilds() throws Exception {
        List<Conformance.Known> known = Conformance.known();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path c : Conformance.cases(name -> name.startsWith("run-"))) {
            tests.add(DynamicTest.dynamicTest(c.getFileName().toString(), () -> compare(c, known)));
        }
        return tests;
    }

    /** Builds the busybox base once: into estiba's store and, through an OCI layout, into buildah's. */
    private void base() throws Exception {
        if (cache != null) {
            return;
        }
        assumeTrue(Conformance.toolsPresent() && Files.isExecutable(Path.of("/usr/bin/skopeo")),
            "buildah, umoci and skopeo are needed (bin/lib/test-env.sh installs them)");
        assumeTrue("root".equals(System.getProperty("user.name")), "RUN and buildah vfs need root here");
        Path busybox = Path.of("/bin/busybox");
        assumeTrue(Files.isExecutable(busybox), "busybox-static is not installed (bin/lib/test-env.sh installs it)");
        assumeTrue(dev.estiba.run.Executables.find("runc").isPresent(), "runc is not installed");
        Path ctx = Files.createDirectories(tmp.resolve("base-context"));
        Files.copy(busybox, ctx.resolve("busybox"));
        Files.writeString(ctx.resolve("Dockerfile"), """
            FROM scratch
            COPY --chmod=0755 busybox /bin/busybox
            RUN ["/bin/busybox", "--install", "-s", "/bin"]
            """);
        Path layout = tmp.resolve("base-layout");
        Path store = tmp.resolve("cache");
        Build.dockerfile(ctx.resolve("Dockerfile")).context(ctx).cacheDir(store).tag(BASE)
            .output(new Output(Output.Type.OCI, layout)).run();
        Conformance.Buildah b = new Conformance.Buildah(tmp.resolve("buildah-store"));
        Conformance.run(List.of("skopeo", "copy", "-q", "oci:" + layout + ":latest", "containers-storage:[vfs@"
            + b.dir().resolve("root") + "+" + b.dir().resolve("run") + "]" + BASE));
        buildah = b;
        cache = store;
    }

    private void compare(Path dir, List<Conformance.Known> known) throws Exception {
        base();
        String name = dir.getFileName().toString();
        Path work = tmp.resolve(name);
        List<String> options = Conformance.buildArgs(dir);
        Path runc = work.resolve("estiba-runc");
        BuildResult viaRunc = Conformance.apply(Build.dockerfile(dir.resolve("Dockerfile")).context(dir).cacheDir(cache)
            .tag("conf:latest").isolation(Isolation.RUNC).noCache().output(new Output(Output.Type.OCI, runc)), options)
            .run();
        BuildResult viaChroot = Conformance.apply(Build.dockerfile(dir.resolve("Dockerfile")).context(dir)
            .cacheDir(cache).tag("conf:latest").isolation(Isolation.CHROOT).noCache(), options).run();
        assertEquals(viaRunc.image().config().value().rootfs().diffIds(),
            viaChroot.image().config().value().rootfs().diffIds(), name + ": runc and chroot layers differ");
        assertEquals(viaRunc.manifestDigest(), viaChroot.manifestDigest(), name + ": runc and chroot images differ");
        Map<String, String> ours = Conformance.unpackAndDescribe(runc, work.resolve("u-estiba"));
        if (known.stream().anyMatch(k -> k.caseName().equals(name) && k.key().equals(Conformance.WHOLE_CASE))) {
            // The busybox base's /bin depends on the host's busybox version; expected.txt holds what the steps add.
            Map<String, String> added = new java.util.TreeMap<>(ours);
            added.keySet().removeIf(k -> k.equals("/bin") || k.startsWith("/bin/"));
            Conformance.assertMatchesExpected(dir, added);
            return;
        }
        for (List<String> isolation : List.of(List.of("chroot"), List.of("oci", "--runtime", "runc"))) {
            String label = name + " (buildah --isolation " + String.join(" ", isolation) + ")";
            Path theirs = work.resolve("buildah-" + isolation.get(0));
            buildah.build(dir, dir.resolve("Dockerfile"), "conf-" + name + "-" + isolation.get(0), isolation,
                options, theirs);
            Map<String, String> b = Conformance.unpackAndDescribe(theirs, work.resolve("u-buildah-" + isolation.get(0)));
            Conformance.assertConforms(name, ours, b, known, label);
        }
    }
}
