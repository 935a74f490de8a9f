/**
 * Bookkeeping that makes runs leave nothing behind: one state directory per step under the cache
 * dir, held by a lock while the step runs, cleaned on exit, on SIGINT/SIGTERM (a shutdown hook) and,
 * for runs whose JVM was killed, by the {@link dev.estiba.run.state.Janitor} at the next start.
 */
package dev.estiba.run.state;
