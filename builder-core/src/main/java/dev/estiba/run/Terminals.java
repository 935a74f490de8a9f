package dev.estiba.run;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** Whether a file descriptor of this process is a terminal (libc {@code isatty}). */
public final class Terminals {
  private interface LibC extends Library {
    int isatty(int fd);
  }

  private static final class Holder {
    static final LibC LIBC = Native.load("c", LibC.class);
  }

  private Terminals() {}

  /** True when {@code fd} (0 standard input, 1 output, 2 error) is a terminal. */
  public static boolean isTerminal(int fd) {
    return Holder.LIBC.isatty(fd) == 1;
  }
}
