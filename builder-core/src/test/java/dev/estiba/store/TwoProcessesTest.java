package dev.estiba.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.estiba.image.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs (and threads within each) writing blobs and tags into one cache lose nothing. */
class TwoProcessesTest {
    @TempDir
    Path tmp;

    /** Writes 20 blobs (the same for every writer) and tags each under {@code PREFIX-i}. */
    public static void main(String[] args) throws Exception {
        ImageStore images = new ImageStore(new BlobStore(Path.of(args[0])));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            String prefix = args[1] + "-t" + t;
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < 20; i++) {
                        Digest d = images.blobs().put(("blob " + i).getBytes(StandardCharsets.UTF_8));
                        images.tag(prefix + "-" + i, d);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    @Test
    void concurrentProcessesKeepEveryTagAndBlob() throws Exception {
        Path cache = tmp.resolve("cache");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        List<Process> processes = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            processes.add(new ProcessBuilder(java, "-cp", cp, TwoProcessesTest.class.getName(), cache.toString(), name)
                .redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile()).start());
        }
        for (Process p : processes) {
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
            assertEquals(0, p.exitValue(), () -> read(tmp.resolve("a.log")) + read(tmp.resolve("b.log")));
        }
        ImageStore images = new ImageStore(new BlobStore(cache));
        assertEquals(80, images.list().size());
        assertEquals(20, images.blobs().list().size());
        assertEquals(List.of(), images.blobs().temporaryFiles());
        for (BlobStore.BlobInfo b : images.blobs().list()) {
            images.blobs().read(b.digest());
        }
    }

    private static String read(Path p) {
        try {
            return java.nio.file.Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

}
