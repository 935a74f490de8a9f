package dev.estiba.run;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The step's standard streams. {@code in} may be null (the process reads end of file); the
 * outputs are written from pump threads and never closed by the runner.
 */
public record StdStreams(InputStream in, OutputStream out, OutputStream err) {
  public StdStreams {
    java.util.Objects.requireNonNull(out, "out");
    java.util.Objects.requireNonNull(err, "err");
  }
}
