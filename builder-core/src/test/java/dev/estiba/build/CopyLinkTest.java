package dev.estiba.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.estiba.image.Descriptor;
import dev.estiba.layer.read.LayerEntry;
import dev.estiba.layer.read.LayerSource;
import dev.estiba.layer.read.LayerTarReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code COPY --link} / {@code ADD --link}: a layer made on an empty tree, whose digest and key ignore the parent. */
class CopyLinkTest {
    @TempDir
    Path tmp;

    final List<BuildEvent> events = new ArrayList<>();

    Path context() throws IOException {
        Path ctx = tmp.resolve("ctx");
        Files.createDirectories(ctx.resolve("base/srv"));
        Files.createDirectories(ctx.resolve("app/lib"));
        Files.writeString(ctx.resolve("base/srv/keep.txt"), "keep\n");
        Files.createSymbolicLink(ctx.resolve("base/opt"), Path.of("srv"));
        Files.writeString(ctx.resolve("base/etc-passwd"),
            "root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/home:/bin/sh\n");
        Files.writeString(ctx.resolve("app/main.txt"), "main\n");
        Files.writeString(ctx.resolve("app/lib/a.txt"), "a\n");
        Files.writeString(ctx.resolve("one.txt"), "one\n");
        Files.writeString(ctx.resolve("two.txt"), "two\n");
        return ctx;
    }

    BuildResult build(Path ctx, String dockerfile) throws Exception {
        Files.writeString(ctx.resolve("Dockerfile"), dockerfile);
        events.clear();
        return Build.dockerfile(ctx.resolve("Dockerfile")).context(ctx).cacheDir(tmp.resolve("cache"))
            .listener(events::add).run();
    }

    /** Cache hits of the steps that report one, in order. */
    List<Boolean> cached() {
        return events.stream().filter(e -> e instanceof BuildEvent.StepDone d && !d.explanation().isEmpty())
            .map(e -> ((BuildEvent.StepDone) e).cached()).toList();
    }

    /** The entries of one layer, as {@link BuildTest#files} shows them. */
    static Map<String, String> layerFiles(BuildResult r, Descriptor layer) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (LayerTarReader t = new LayerTarReader(new LayerSource(layer.digest().toString(),
                () -> r.image().open(layer), null), 1 << 30)) {
            for (LayerEntry e = t.next(); e != null; e = t.next()) {
                String body = switch (e.type()) {
                    case FILE -> new String(t.content().readAllBytes(), StandardCharsets.UTF_8);
                    case SYMLINK -> "-> " + e.linkTarget();
                    default -> "";
                };
                out.put(e.path().toString(), e.type() + " " + Integer.toOctalString(e.mode()) + " " + e.uid() + ":"
                    + e.gid() + " " + e.mtime().getEpochSecond() + " " + body);
            }
        }
        return out;
    }

    static String dockerfile(String earlier, String copy) {
        return "FROM scratch\nCOPY base/ /\nCOPY base/etc-passwd /etc/passwd\n" + earlier + "\n" + copy + "\n";
    }

    @Test
    void aLinkedLayerKeepsItsDigestAndCacheEntryWhenAnEarlierStepChanges() throws Exception {
        Path ctx = context();
        String link = "COPY --link --chown=app app/ /opt/app/";
        BuildResult first = build(ctx, dockerfile("COPY one.txt /earlier.txt", link));
        BuildResult second = build(ctx, dockerfile("COPY two.txt /earlier.txt", link));
        // The earlier step missed; the linked step was taken from the cache and rebased onto the new parent.
        assertEquals(List.of(true, true, false, true), cached());
        Descriptor a = first.image().layers().get(3);
        Descriptor b = second.image().layers().get(3);
        assertEquals(a.digest(), b.digest());
        assertNotEquals(first.image().layers().get(2).digest(), second.image().layers().get(2).digest());
        assertNotEquals(first.manifestDigest(), second.manifestDigest());

        // Built with no cache at all, the layer is still the same bytes: its content never depended on the parent.
        Files.writeString(ctx.resolve("Dockerfile"), dockerfile("COPY two.txt /elsewhere.txt", link));
        BuildResult cold = Build.dockerfile(ctx.resolve("Dockerfile")).context(ctx).cacheDir(tmp.resolve("cache2"))
            .noCache().run();
        assertEquals(a.digest(), cold.image().layers().get(3).digest());

        // The same COPY without --link depends on the parent: a changed earlier step makes it run again.
        String plain = "COPY --chown=app app/ /opt/app/";
        build(ctx, dockerfile("COPY one.txt /earlier.txt", plain));
        build(ctx, dockerfile("COPY two.txt /earlier.txt", plain));
        assertEquals(List.of(true, true, true, false), cached());
    }

    @Test
    void whatAnEarlierStepGivesTheLinkedStepIsStillInItsKey() throws Exception {
        Path ctx = context();
        build(ctx, "FROM scratch\nCOPY base/etc-passwd /etc/passwd\nWORKDIR /w1\nCOPY --link --chown=app one.txt x\n");
        // Another WORKDIR moves a relative destination: a miss.
        build(ctx, "FROM scratch\nCOPY base/etc-passwd /etc/passwd\nWORKDIR /w2\nCOPY --link --chown=app one.txt x\n");
        assertEquals(List.of(true, false, false), cached());
        // Another uid for the same user name: a miss, and the new owner. Unchanged, it hits.
        Files.writeString(ctx.resolve("base/etc-passwd"), "app:x:77:77::/home:/bin/sh\n");
        BuildResult r = build(ctx,
            "FROM scratch\nCOPY base/etc-passwd /etc/passwd\nWORKDIR /w2\nCOPY --link --chown=app one.txt x\n");
        // (WORKDIR follows the changed step, so it runs again; the linked step's miss is the owner's doing.)
        assertEquals(List.of(false, false, false), cached());
        assertEquals("FILE 644 77:77 0 one\n", BuildTest.files(r.image()).get("w2/x"));
        Files.writeString(ctx.resolve("base/etc-passwd"), "app:x:77:77::/other:/bin/sh\n");
        build(ctx, "FROM scratch\nCOPY base/etc-passwd /etc/passwd\nWORKDIR /w2\nCOPY --link --chown=app one.txt x\n");
        assertEquals(List.of(false, false, true), cached());
    }

    @Test
    void theLinkedLayerIsMadeOnAnEmptyTree() throws Exception {
        Path ctx = context();
        record Case(String copy, Map<String, String> layer) {
        }
        List<Case> cases = List.of(
            // /opt is a symlink to /srv in the parent: --link does not follow it, the layer has a real /opt.
            new Case("COPY --link app/main.txt /opt/app/", Map.of(
                "opt", "DIRECTORY 755 0:0 0 ",
                "opt/app", "DIRECTORY 755 0:0 0 ",
                "opt/app/main.txt", "FILE 644 0:0 0 main\n")),
            new Case("COPY app/main.txt /opt/app/", Map.of(
                "srv", "DIRECTORY 755 0:0 0 ",
                "srv/app", "DIRECTORY 755 0:0 0 ",
                "srv/app/main.txt", "FILE 644 0:0 0 main\n")),
            // The parent's /srv directory is not seen: one named file goes to the path itself.
            new Case("COPY --link one.txt /srv", Map.of("srv", "FILE 644 0:0 0 one\n")),
            new Case("COPY one.txt /srv", Map.of("srv", "DIRECTORY 755 0:0 0 ", "srv/one.txt", "FILE 644 0:0 0 one\n")),
            // Missing parents are made as for a copy onto scratch, owned like the copied files.
            // Parents a COPY creates take --chmod's mode (BuildKit since moby/buildkit#4945), with --link as without.
            new Case("ADD --link --chown=1000:1000 --chmod=600 app /deep/er/", Map.of(
                "deep", "DIRECTORY 600 1000:1000 0 ",
                "deep/er", "DIRECTORY 600 1000:1000 0 ",
                "deep/er/lib", "DIRECTORY 600 1000:1000 0 ",
                "deep/er/lib/a.txt", "FILE 600 1000:1000 0 a\n",
                "deep/er/main.txt", "FILE 600 1000:1000 0 main\n")));
        for (Case c : cases) {
            BuildResult r = build(ctx, "FROM scratch\nCOPY base/ /\n" + c.copy() + "\n");
            List<Descriptor> layers = r.image().layers();
            assertEquals(new TreeMap<>(c.layer()), layerFiles(r, layers.get(layers.size() - 1)), c.copy());
        }
    }
}
