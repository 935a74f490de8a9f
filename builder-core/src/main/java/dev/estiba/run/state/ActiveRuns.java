package dev.estiba.run.state;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The steps running in this JVM. A shutdown hook (run on SIGINT, SIGTERM and normal exit) cleans
 * whatever is still registered, so an interrupted build leaves no process, mount or state behind.
 */
public final class ActiveRuns {
  private static final Set<Runnable> RUNNING = new LinkedHashSet<>();
  private static boolean hookInstalled;

  private ActiveRuns() {}

  /** Registers a step's cleanup until {@link #unregister} (after the step cleaned up itself). */
  public static synchronized void register(Runnable cleanup) {
    if (!hookInstalled) {
      Runtime.getRuntime().addShutdownHook(new Thread(ActiveRuns::cleanAll, "estiba-run-cleanup"));
      hookInstalled = true;
    }
    RUNNING.add(cleanup);
  }

  public static synchronized void unregister(Runnable cleanup) {
    RUNNING.remove(cleanup);
  }

  private static void cleanAll() {
    List<Runnable> pending;
    synchronized (ActiveRuns.class) {
      pending = List.copyOf(RUNNING);
      RUNNING.clear();
    }
    for (Runnable cleanup : pending) {
      try {
        cleanup.run();
      } catch (RuntimeException e) {
        // Keep cleaning the others; the janitor catches what is left at the next start.
      }
    }
  }
}
