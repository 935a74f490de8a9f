package dev.estiba.registry;

import dev.estiba.image.Digest;
import dev.estiba.image.InvalidDigestException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An image in a registry, normalised as docker normalises it: {@code busybox} is
 * {@code docker.io/library/busybox:latest}. A reference names a tag, a digest, or both
 * ({@code name:tag@sha256:...}, where the digest decides what is pulled).
 *
 * @param registry the registry host and optional port, {@code docker.io} for Docker Hub
 * @param repository the repository path, {@code library/busybox}
 * @param tag the tag, or null when only a digest is given
 * @param digest the digest, or null
 */
public record ImageReference(String registry, String repository, String tag, Digest digest) {

    /** The canonical name of Docker Hub, as docker prints it. */
    public static final String DOCKER_HUB = "docker.io";
    /** The host that serves Docker Hub's registry API. */
    public static final String DOCKER_HUB_API_HOST = "registry-1.docker.io";

    public ImageReference {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");
        if (tag == null && digest == null) {
            throw new IllegalArgumentException("a reference needs a tag or a digest");
        }
    }

    /**
     * Parses and normalises a reference. jib-core tokenises the name and tag; the digest, Docker Hub's aliases
     * and the {@code library/} prefix are handled here, because jib keeps {@code docker.io/x} without
     * {@code library/}, names Hub {@code registry-1.docker.io} and accepts sha256 digests only.
     *
     * @throws InvalidReferenceException naming the input and the problem
     */
    public static ImageReference parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidReferenceException("invalid image reference \"\": empty");
        }
        if (text.chars().anyMatch(Character::isWhitespace)) {
            throw invalid(text, "contains whitespace");
        }
        String name = text;
        Digest digest = null;
        int at = text.indexOf('@');
        if (at >= 0) {
            name = text.substring(0, at);
            try {
                digest = Digest.parse(text.substring(at + 1));
            } catch (InvalidDigestException e) {
                throw invalid(text, e.getMessage());
            }
        }
        if (name.matches("[a-f0-9]{64}")) {
            throw invalid(text, "a 64-character hex string is an image id, not a repository name");
        }
        if (name.equals("scratch")) {
            throw invalid(text, "\"scratch\" is a reserved name, not an image in a registry");
        }
        // jib's grammar has no IPv6 literals; docker's accepts "[::1]:5000/name": parse the rest with a stand-in host.
        String ipv6 = null;
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            int slash = name.indexOf('/');
            if (end < 0 || slash < end || !name.substring(1, end).matches("[0-9a-fA-F:]*:[0-9a-fA-F:.]*")
                    || !name.substring(end + 1, slash).matches("(:[0-9]+)?")) {
                throw invalid(text, "invalid IPv6 registry host (expected [ADDRESS] or [ADDRESS]:PORT before the"
                    + " first slash)");
            }
            ipv6 = name.substring(0, slash);
            name = "localhost" + name.substring(slash);
        }
        com.google.cloud.tools.jib.api.ImageReference jib;
        try {
            jib = com.google.cloud.tools.jib.api.ImageReference.parse(name);
        } catch (com.google.cloud.tools.jib.api.InvalidImageReferenceException e) {
            throw invalid(text, explain(name));
        }
        String registry = ipv6 != null ? ipv6 : jib.getRegistry();
        String repository = jib.getRepository();
        if (isDockerHub(registry)) {
            registry = DOCKER_HUB;
            if (!repository.contains("/")) {
                repository = "library/" + repository;
            }
        }
        // jib applies "latest" when no tag was written; docker does not add one next to a digest.
        String tag = jib.getTag().orElse(null);
        boolean tagWritten = name.lastIndexOf(':') > name.lastIndexOf('/');
        if (digest != null && !tagWritten) {
            tag = null;
        }
        return new ImageReference(registry, repository, tag, digest);
    }

    /** Whether a host is one of Docker Hub's names (docker.io, index.docker.io, registry-1.docker.io, ...). */
    public static boolean isDockerHub(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals(DOCKER_HUB) || h.equals("index.docker.io") || h.equals(DOCKER_HUB_API_HOST)
            || h.equals("registry.hub.docker.com");
    }

    private static String explain(String name) {
        int slash = name.indexOf('/');
        String path = name;
        String first = slash < 0 ? "" : name.substring(0, slash);
        if (slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"))) {
            path = name.substring(slash + 1);
        }
        int colon = path.lastIndexOf(':');
        String repo = colon < 0 ? path : path.substring(0, colon);
        if (!repo.equals(repo.toLowerCase(Locale.ROOT))) {
            return "repository name must be lowercase";
        }
        if (colon >= 0 && colon == path.length() - 1) {
            return "empty tag";
        }
        if (colon >= 0 && !path.substring(colon + 1).matches("[\\w][\\w.-]{0,127}")) {
            return "invalid tag \"" + path.substring(colon + 1) + "\"";
        }
        return "invalid reference format";
    }

    private static InvalidReferenceException invalid(String text, String why) {
        return new InvalidReferenceException("invalid image reference \"" + text + "\": " + why);
    }

    /** The host to talk to: Docker Hub's API lives on another host than its name. */
    public String apiHost() {
        return registry.equals(DOCKER_HUB) ? DOCKER_HUB_API_HOST : registry;
    }

    public Optional<String> tagIfAny() {
        return Optional.ofNullable(tag);
    }

    public Optional<Digest> digestIfAny() {
        return Optional.ofNullable(digest);
    }

    /** What to ask the registry for: the digest when there is one, else the tag. */
    public String qualifier() {
        return digest != null ? digest.toString() : tag;
    }

    /** {@code registry/repository}, without tag or digest. */
    public String name() {
        return registry + "/" + repository;
    }

    /** The same repository with another tag and no digest. */
    public ImageReference withTag(String newTag) {
        return new ImageReference(registry, repository, newTag, null);
    }

    /** The same repository at a digest, keeping the tag for display. */
    public ImageReference withDigest(Digest newDigest) {
        return new ImageReference(registry, repository, tag, newDigest);
    }

    /** The same registry, another repository, same tag and digest. */
    public ImageReference inRepository(String newRepository) {
        return new ImageReference(registry, newRepository, tag, digest);
    }

    /** The full normalised form: {@code docker.io/library/busybox:latest}, {@code host:5000/a/b:t@sha256:...}. */
    @Override
    public String toString() {
        return name() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
