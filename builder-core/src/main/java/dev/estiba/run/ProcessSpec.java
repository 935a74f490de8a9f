package dev.estiba.run;

import java.util.List;

/**
 * The process to start inside the container.
 *
 * @param args argv; {@code args[0]} is looked up through the {@code PATH} in {@code env}
 * @param env {@code KEY=value} entries, exactly the environment the process sees
 * @param cwd absolute working directory inside the container (created when missing)
 * @param uid user id the process runs as
 * @param gid primary group id
 * @param additionalGids supplementary group ids
 * @param hostname the container's host name (its own UTS namespace)
 * @param terminal whether the process gets a terminal of its own (OCI {@code process.terminal}): the runner then
 *     hands it this process's own standard streams, which must be a terminal, instead of the given ones
 */
public record ProcessSpec(
    List<String> args,
    List<String> env,
    String cwd,
    int uid,
    int gid,
    List<Integer> additionalGids,
    String hostname,
    boolean terminal) {

  public static final String DEFAULT_PATH =
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  public ProcessSpec {
    args = List.copyOf(args);
    if (args.isEmpty()) {
      throw new IllegalArgumentException("a process needs at least one argument");
    }
    env = List.copyOf(env);
    for (String e : env) {
      if (e.indexOf('=') <= 0) {
        throw new IllegalArgumentException("environment entry is not KEY=value: " + e);
      }
    }
    if (!cwd.startsWith("/")) {
      throw new IllegalArgumentException("working directory must be absolute: " + cwd);
    }
    if (uid < 0 || gid < 0) {
      throw new IllegalArgumentException("uid and gid must not be negative");
    }
    additionalGids = List.copyOf(additionalGids);
    if (hostname.isEmpty()) {
      throw new IllegalArgumentException("hostname must not be empty");
    }
  }

  /** A process without a terminal. */
  public ProcessSpec(List<String> args, List<String> env, String cwd, int uid, int gid,
      List<Integer> additionalGids, String hostname) {
    this(args, env, cwd, uid, gid, additionalGids, hostname, false);
  }

  /** Root in {@code /} with the default {@code PATH}, host name {@code estiba}. */
  public static ProcessSpec of(String... args) {
    return new ProcessSpec(List.of(args), List.of(DEFAULT_PATH), "/", 0, 0, List.of(), "estiba");
  }

  public ProcessSpec withEnv(List<String> newEnv) {
    return new ProcessSpec(args, newEnv, cwd, uid, gid, additionalGids, hostname, terminal);
  }

  public ProcessSpec withCwd(String newCwd) {
    return new ProcessSpec(args, env, newCwd, uid, gid, additionalGids, hostname, terminal);
  }

  public ProcessSpec withUser(int newUid, int newGid, List<Integer> newAdditionalGids) {
    return new ProcessSpec(args, env, cwd, newUid, newGid, newAdditionalGids, hostname, terminal);
  }

  public ProcessSpec withHostname(String newHostname) {
    return new ProcessSpec(args, env, cwd, uid, gid, additionalGids, newHostname, terminal);
  }

  public ProcessSpec withTerminal(boolean newTerminal) {
    return new ProcessSpec(args, env, cwd, uid, gid, additionalGids, hostname, newTerminal);
  }
}
