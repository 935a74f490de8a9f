package dev.estiba.layer.compress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Test data and helpers shared by the compression tests. */
final class TestBytes {

  private TestBytes() {}

  /** Alternating runs of text-like (compressible) and random bytes, the same for the same seed. */
  static byte[] mixed(int size, long seed) {
    Random random = new Random(seed);
    byte[] words = "layer tar entry usr lib share doc readme license 0123456789\n"
        .getBytes(StandardCharsets.US_ASCII);
    byte[] data = new byte[size];
    int i = 0;
    while (i < size) {
      int run = Math.min(size - i, 1 + random.nextInt(40_000));
      if (random.nextBoolean()) {
        for (int k = 0; k < run; k++) {
          data[i + k] = words[random.nextInt(words.length)];
        }
      } else {
        byte[] r = new byte[run];
        random.nextBytes(r);
        System.arraycopy(r, 0, data, i, run);
      }
      i += run;
    }
    return data;
  }

  /** Compresses {@code data} written in chunks of {@code chunk} bytes. */
  static byte[] compress(dev.estiba.layer.Compression compression, byte[] data, int chunk) throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (OutputStream out = compression.compress(sink)) {
      for (int off = 0; off < data.length; off += chunk) {
        out.write(data, off, Math.min(chunk, data.length - off));
        if ((off / chunk) % 7 == 3) {
          out.flush();
        }
      }
    }
    return sink.toByteArray();
  }

  /** Reads a detected stream to its end. */
  static byte[] decompress(byte[] compressed) throws IOException {
    try (InputStream in = Decompression.open(new java.io.ByteArrayInputStream(compressed)).stream()) {
      return in.readAllBytes();
    }
  }

  /** Runs an external tool with {@code file} as last argument; returns its stdout. */
  static byte[] runTool(List<String> command, Path dir) throws IOException, InterruptedException {
    Assumptions.assumeTrue(onPath(command.get(0)), command.get(0) + " is not installed");
    Process p = new ProcessBuilder(command).directory(dir.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(command + " did not finish");
    }
    if (p.exitValue() != 0) {
      throw new IOException(command + " exited " + p.exitValue());
    }
    return out;
  }

  static boolean onPath(String tool) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
