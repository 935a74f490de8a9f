package dev.estiba.build;

/** Receives a build's events. Calls may come from several threads (stages build in parallel), never at once. */
@FunctionalInterface
public interface BuildListener {
    /** Ignores every event. */
    BuildListener NONE = event -> {
    };

    /** One event. */
    void on(BuildEvent event);
}
