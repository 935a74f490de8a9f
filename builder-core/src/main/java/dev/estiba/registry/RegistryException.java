package dev.estiba.registry;

import java.io.IOException;

/**
 * A registry operation that failed. The message names the registry and the reference (or repository) it was
 * about, so that it can be shown to the user as it is; {@link #kind()} tells callers what went wrong.
 */
public class RegistryException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The registry refused the credentials (or there were none and it wants some). */
        UNAUTHORIZED,
        /** Authenticated, but not allowed to do this. */
        DENIED,
        /** No such repository, tag, manifest or blob. */
        NOT_FOUND,
        /** Content did not match its digest or size. */
        DIGEST_MISMATCH,
        /** The registry answered something we cannot use. */
        PROTOCOL,
        /** The registry could not be reached (after retries). */
        CONNECTION,
        /** TLS failed: an untrusted or invalid certificate. */
        TLS,
        /** Credentials could not be read or stored. */
        CREDENTIALS,
        /** An index has no manifest for the requested platform. */
        NO_MATCHING_PLATFORM
    }

    private final Kind kind;

    public RegistryException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RegistryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
