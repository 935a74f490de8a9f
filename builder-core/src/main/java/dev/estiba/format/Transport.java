package dev.estiba.format;

import java.util.Locale;

/**
 * Where an image lives, written the way skopeo writes it: {@code oci:DIR[:TAG]}, {@code oci-archive:FILE[:TAG]},
 * {@code docker-archive:FILE[:NAME:TAG]}. The path ends at the first colon after the transport.
 */
public record Transport(Kind kind, String path, String reference) {

    /** The transports estiba reads and writes. */
    public enum Kind {
        OCI("oci"),
        OCI_ARCHIVE("oci-archive"),
        DOCKER_ARCHIVE("docker-archive");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    public Transport {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException(kind.prefix() + ": missing path");
        }
        if (reference != null && reference.isEmpty()) {
            reference = null;
        }
    }

    /** Parses {@code TRANSPORT:PATH[:REFERENCE]}. */
    public static Transport parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("invalid image location \"" + text
                + "\": expected oci:DIR[:TAG], oci-archive:FILE[:TAG] or docker-archive:FILE[:NAME:TAG]");
        }
        String prefix = text.substring(0, colon).toLowerCase(Locale.ROOT);
        for (Kind k : Kind.values()) {
            if (k.prefix().equals(prefix)) {
                String rest = text.substring(colon + 1);
                int sep = rest.indexOf(':');
                return sep < 0 ? new Transport(k, rest, null)
                    : new Transport(k, rest.substring(0, sep), rest.substring(sep + 1));
            }
        }
        throw new IllegalArgumentException("unknown transport \"" + text.substring(0, colon)
            + "\" (expected oci, oci-archive or docker-archive)");
    }

    @Override
    public String toString() {
        return kind.prefix() + ":" + path + (reference == null ? "" : ":" + reference);
    }
}
