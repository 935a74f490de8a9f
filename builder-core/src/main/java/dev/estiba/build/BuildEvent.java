package dev.estiba.build;

import dev.estiba.lint.Finding;
import java.util.List;

/** What a build reports as it goes; a {@link BuildListener} renders them (plain, json, tty). */
public sealed interface BuildEvent {
    /**
     * A step began.
     *
     * @param id the vertex number, in the order steps start
     * @param stage the stage's display name ({@code stage-1}, {@code build})
     * @param position 1-based position in its stage, FROM being 1
     * @param total steps in the stage, FROM included
     * @param text the instruction as buildx shows it ({@code COPY . /app}, {@code FROM docker.io/library/x})
     */
    record StepStarted(int id, String stage, int position, int total, String text) implements BuildEvent {
    }

    /**
     * A step is done.
     *
     * @param id the vertex number
     * @param cached true when its result came from the cache
     * @param nanos how long it took
     * @param explanation why it missed (or that it hit), for {@code --explain-cache}; empty for steps that do not
     *     use the cache
     */
    record StepDone(int id, boolean cached, long nanos, List<String> explanation) implements BuildEvent {
        public StepDone {
            explanation = List.copyOf(explanation);
        }
    }

    /** A step failed with this message (which names the Dockerfile line). */
    record StepFailed(int id, String message) implements BuildEvent {
    }

    /**
     * Bytes of a long transfer so far (an ADD download; registry pulls and pushes report through the registry
     * client's own events). Sent every so many bytes and once at the end, with {@code finished} true.
     *
     * @param name what is transferred ({@code ADD https://host/file.tar})
     * @param done bytes so far
     * @param total the size when known, else -1
     * @param finished whether the transfer ended
     */
    record Transfer(String name, long done, long total, boolean finished) implements BuildEvent {
    }

    /** A warning (an unused build arg, an unknown base image environment). */
    record Warning(String message) implements BuildEvent {
    }

    /**
     * The BuildKit build checks' findings, reported once before any step (only when there are some).
     *
     * @param file the Dockerfile's name, as findings are shown ({@code Dockerfile:3})
     * @param findings the findings, by position; errors when {@code # check=error=true} fails the build
     */
    record Checks(String file, List<Finding> findings) implements BuildEvent {
        public Checks {
            findings = List.copyOf(findings);
        }
    }

    /**
     * An export began or ended ({@code done} false, then true).
     *
     * @param id the vertex number
     * @param text what is written ({@code exporting to oci layout out/})
     * @param done whether it ended
     * @param nanos how long it took, when done
     */
    record Export(int id, String text, boolean done, long nanos) implements BuildEvent {
    }

    /**
     * The build is done.
     *
     * @param manifestDigest the image's manifest digest
     * @param configDigest the image id
     * @param nanos the whole build's time
     */
    record Finished(String manifestDigest, String configDigest, long nanos) implements BuildEvent {
    }
}
