/**
 * Executes one build step in an isolated container without a daemon.
 *
 * <p>{@link dev.estiba.run.StepRunner} takes a {@link dev.estiba.run.RunSpec} (root file system,
 * process, mounts, network, security, limits) and runs it with one {@link dev.estiba.run.Isolation}
 * backend: an OCI runtime (runc, crun) driven by a generated {@code config.json}, or the built-in
 * namespaces of util-linux {@code unshare} plus chroot. The root file system is an overlay of the
 * parent layers; its upper directory becomes the step's {@link dev.estiba.run.diff.ChangeSet}.
 */
package dev.estiba.run;
