package dev.estiba.registry;

import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The registry operations estiba needs, over the OCI distribution API. Implementations are thread-safe: blobs
 * may be transferred from several threads at once. Every failure is a {@link RegistryException} whose message
 * names the registry and the reference.
 */
public interface RegistryClient {

    /** A client over HTTP with these options, credentials (null for anonymous) and event listener. */
    static RegistryClient create(RegistryOptions options, Credentials credentials, Consumer<RegistryEvent> events) {
        return new DistributionClient(options, credentials, events);
    }

    /**
     * A client that {@code factory} makes on the first call of any method (once, also when called from several
     * threads): for callers that may not need a registry at all, such as a build whose images are all local.
     */
    static RegistryClient lazy(Supplier<RegistryClient> factory) {
        return new LazyRegistryClient(factory);
    }

    RegistryOptions options();

    /** Fetches a manifest or index by the reference's digest (if any) or tag, with its exact bytes. */
    RemoteManifest fetchManifest(ImageReference reference) throws IOException;

    /** The size of a blob the repository has, or empty. */
    Optional<Long> blobSize(ImageReference repository, Digest digest) throws IOException;

    /**
     * Downloads a blob to {@code destination}, verifying size and digest while it streams; the file appears
     * (atomically) only when both match, and nothing is left behind otherwise.
     */
    void pullBlob(ImageReference repository, Descriptor blob, Path destination) throws IOException;

    /**
     * Makes sure the repository has a blob: nothing to do if it has it, a cross-repository mount when
     * {@code mountFrom} (a repository on the same registry, or null) has it, an upload otherwise.
     */
    BlobOutcome pushBlob(ImageReference repository, Descriptor blob, BlobContent content, String mountFrom)
        throws IOException;

    /**
     * Stores a manifest under the reference's tag (or digest) with exactly these bytes and returns their digest,
     * which the registry confirmed.
     */
    Digest pushManifest(ImageReference reference, byte[] bytes, String mediaType) throws IOException;

    /** Checks a credential against a registry, as {@code docker login} does before saving it. */
    void checkLogin(String registry, Credential credential) throws IOException;
}
