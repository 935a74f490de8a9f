package dev.estiba.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.estiba.format.ocilayout.OciLayoutReader;
import dev.estiba.format.ocilayout.OciLayoutWriter;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Image;
import dev.estiba.image.ImageConfig;
import dev.estiba.image.Platform;
import dev.estiba.layer.ChangeEntry;
import dev.estiba.layer.ChangeSet;
import dev.estiba.layer.Compression;
import dev.estiba.layer.LayerWriter;
import dev.estiba.image.HistoryEntry;
import dev.estiba.store.BlobStore;
import dev.estiba.store.StoredImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several writers adding tags to one OCI layout at once, as threads and as processes: every tag lands. */
class ConcurrentLayoutWritersTest {
    @TempDir
    Path tmp;

    /** A small image of its own for a tag: one layer holding a file that names the tag. */
    static Image imageFor(BlobStore store, String tag) throws IOException {
        byte[] content = ("written for " + tag + "\n").getBytes(StandardCharsets.UTF_8);
        ChangeSet layer = ChangeSet.of(List.of(ChangeEntry.file("tag.txt", 0644, TestImages.T, content)));
        return StoredImages.assemble(store, ImageConfig.empty(Platform.parse("linux/amd64")),
            List.of(new StoredImages.LayerStep(layer, new HistoryEntry(TestImages.T.toString(), tag, false))),
            new LayerWriter(Compression.gzip(1), null), false);
    }

    /** Writes {@code COUNT} tags {@code PREFIX-tT-i} into the layout at {@code DIR} from two threads. */
    public static void main(String[] args) throws Exception {
        Path layout = Path.of(args[0]);
        BlobStore store = new BlobStore(Path.of(args[1]));
        int count = Integer.parseInt(args[3]);
        writeFromThreads(layout, store, args[2], 2, count);
    }

    /** Starts {@code threads} writers together; each writes {@code count} tags; returns tag → manifest digest. */
    static Map<String, String> writeFromThreads(Path layout, BlobStore store, String prefix, int threads, int count)
        throws Exception {
        Map<String, String> written = new java.util.concurrent.ConcurrentSkipListMap<>();
        List<Image> images = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < count; i++) {
                String tag = prefix + "-t" + t + "-" + i;
                tags.add(tag);
                images.add(imageFor(store, tag));
            }
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * count;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = first; i < first + count; i++) {
                        OciLayoutWriter.write(layout, images.get(i), tags.get(i));
                        written.put(tags.get(i), images.get(i).manifest().digest().toString());
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            running.add(thread);
            thread.start();
        }
        start.countDown();
        for (Thread thread : running) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError("a writer failed");
            failures.forEach(e::addSuppressed);
            throw e;
        }
        return written;
    }

    /** Tag → manifest digest as the layout's index.json says, checking each image reads back. */
    static Map<String, String> tagsIn(Path layout) throws IOException {
        Map<String, String> tags = new TreeMap<>();
        OciLayoutReader r = OciLayoutReader.open(new DirectoryFiles(layout, "oci:" + layout));
        for (Descriptor d : r.index().manifests()) {
            String previous = tags.put(d.annotation(Descriptor.REF_NAME), d.digest().toString());
            assertEquals(null, previous, "one entry per tag");
            r.image(d);
        }
        return tags;
    }

    /** Temporary files or directories left in the layout or beside it. */
    static List<String> leftovers(Path layout) throws IOException {
        try (Stream<Path> s = Stream.concat(Files.walk(layout), Files.list(layout.getParent()))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void threadsWritingIntoANewLayoutAllLand() throws Exception {
        Path layout = tmp.resolve("out/layout");
        Map<String, String> written = writeFromThreads(layout, new BlobStore(tmp.resolve("store")), "thr", 6, 3);
        assertEquals(18, written.size());
        assertEquals(written, tagsIn(layout));
        assertEquals(List.of(), leftovers(layout));
    }

    @Test
    void twoProcessesWritingIntoOneLayoutAllLand() throws Exception {
        Path layout = tmp.resolve("out/layout");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        List<Process> processes = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            processes.add(new ProcessBuilder(java, "-cp", cp, ConcurrentLayoutWritersTest.class.getName(),
                layout.toString(), tmp.resolve("store-" + name).toString(), name, "8")
                .redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile()).start());
        }
        for (Process p : processes) {
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
            assertEquals(0, p.exitValue(), () -> read(tmp.resolve("a.log")) + read(tmp.resolve("b.log")));
        }
        Map<String, String> expected = new TreeMap<>();
        BlobStore store = new BlobStore(tmp.resolve("expected"));
        for (String name : List.of("a", "b")) {
            for (int t = 0; t < 2; t++) {
                for (int i = 0; i < 8; i++) {
                    String tag = name + "-t" + t + "-" + i;
                    expected.put(tag, imageFor(store, tag).manifest().digest().toString());
                }
            }
        }
        assertEquals(expected, tagsIn(layout));
        assertEquals(List.of(), leftovers(layout));
    }

    @Test
    void skopeoAndUmociReadALayoutWithItsLockFile() throws Exception {
        Judge.require("skopeo");
        Judge.require("umoci");
        Path layout = tmp.resolve("layout");
        Map<String, String> written = writeFromThreads(layout, new BlobStore(tmp.resolve("store")), "j", 2, 1);
        assertEquals(true, Files.exists(layout.resolve(OciLayoutWriter.LOCK_FILE)));
        String digest = Judge.run(tmp, "skopeo", "inspect", "--format", "{{.Digest}}", "oci:" + layout + ":j-t1-0")
            .ok("skopeo inspect").out().strip();
        assertEquals(written.get("j-t1-0"), digest);
        String tags = Judge.run(tmp, "umoci", "ls", "--layout", layout.toString()).ok("umoci ls").out();
        assertEquals(List.of("j-t0-0", "j-t1-0"), tags.lines().sorted().toList());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
