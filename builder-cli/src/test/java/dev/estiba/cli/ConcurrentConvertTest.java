package dev.estiba.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.estiba.image.Descriptor;
import dev.estiba.image.ImageIndex;
import dev.estiba.registry.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two {@code estiba convert}s into one OCI layout at once, as processes and as threads: both tags land. */
class ConcurrentConvertTest {
    @TempDir
    Path tmp;

    /** Tag → manifest digest in a layout's index.json. */
    static Map<String, String> tags(Path layout) throws Exception {
        Map<String, String> tags = new TreeMap<>();
        for (Descriptor d : ImageIndex.parse(Files.readAllBytes(layout.resolve("index.json")), "index").manifests()) {
            assertEquals(null, tags.put(d.annotation(Descriptor.REF_NAME), d.digest().toString()), "one entry a tag");
        }
        return tags;
    }

    /** Two sources, A and B, each a one-image layout; returns tag → digest of what converting them writes. */
    Map<String, String> sources(int rounds) throws Exception {
        Map<String, String> expected = new TreeMap<>();
        for (String name : List.of("a", "b")) {
            var written = TestImages.writeLayout(tmp.resolve("src-" + name), "v1", name, List.of("linux/amd64"));
            for (int i = 0; i < rounds; i++) {
                expected.put(name + i, written.get(0).manifestDigest());
            }
        }
        return expected;
    }

    @Test
    void twoProcessesConvertingIntoOneLayoutBothLand() throws Exception {
        Map<String, String> expected = sources(3);
        Path layout = tmp.resolve("shared");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        List<Process> processes = new ArrayList<>();
        // Each process converts its source under three tags, one estiba run after another, both at once.
        for (String name : List.of("a", "b")) {
            StringBuilder script = new StringBuilder("set -e\n");
            for (int i = 0; i < 3; i++) {
                script.append("\"$0\" -cp \"$1\" dev.estiba.cli.Estiba convert --cache-dir \"$2\" oci:\"$3\":v1 oci:\"$4\":")
                    .append(name).append(i).append(" >/dev/null\n");
            }
            processes.add(new ProcessBuilder("sh", "-c", script.toString(), java, cp,
                tmp.resolve("cache-" + name).toString(), tmp.resolve("src-" + name).toString(), layout.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile()).start());
        }
        for (Process p : processes) {
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
            assertEquals(0, p.exitValue(), () -> read(tmp.resolve("a.log")) + read(tmp.resolve("b.log")));
        }
        assertEquals(expected, tags(layout));
    }

    @Test
    void threadsConvertingIntoOneLayoutAllLand() throws Exception {
        Map<String, String> expected = sources(6);
        Path layout = tmp.resolve("shared");
        List<Thread> threads = new ArrayList<>();
        List<EstibaCommandTest.Run> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (String tag : expected.keySet()) {
            String src = "oci:" + tmp.resolve("src-" + tag.charAt(0)) + ":v1";
            Thread t = new Thread(() -> {
                EstibaCommandTest.Run r = EstibaCommandTest.run("convert", "--cache-dir",
                    tmp.resolve("cache").toString(), src, "oci:" + layout + ":" + tag);
                if (r.exit() != ExitCodes.OK) {
                    failures.add(r);
                }
            });
            threads.add(t);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), failures);
        assertEquals(expected, tags(layout));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
