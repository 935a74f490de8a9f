package dev.estiba.registry;

import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A client made on its first use. Setting up a real one (credentials, TLS options, JSON mappers) costs a visible
 * part of a warm rebuild's start, and most builds never talk to a registry.
 */
final class LazyRegistryClient implements RegistryClient {
    private final Supplier<RegistryClient> factory;
    private volatile RegistryClient client;

    LazyRegistryClient(Supplier<RegistryClient> factory) {
        this.factory = Objects.requireNonNull(factory);
    }

    private RegistryClient client() {
        RegistryClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = Objects.requireNonNull(factory.get(), "registry client factory returned null");
                    client = c;
                }
            }
        }
        return c;
    }

    @Override
    public RegistryOptions options() {
        return client().options();
    }

    @Override
    public RemoteManifest fetchManifest(ImageReference reference) throws IOException {
        return client().fetchManifest(reference);
    }

    @Override
    public Optional<Long> blobSize(ImageReference repository, Digest digest) throws IOException {
        return client().blobSize(repository, digest);
    }

    @Override
    public void pullBlob(ImageReference repository, Descriptor blob, Path destination) throws IOException {
        client().pullBlob(repository, blob, destination);
    }

    @Override
    public BlobOutcome pushBlob(ImageReference repository, Descriptor blob, BlobContent content, String mountFrom)
        throws IOException {
        return client().pushBlob(repository, blob, content, mountFrom);
    }

    @Override
    public Digest pushManifest(ImageReference reference, byte[] bytes, String mediaType) throws IOException {
        return client().pushManifest(reference, bytes, mediaType);
    }

    @Override
    public void checkLogin(String registry, Credential credential) throws IOException {
        client().checkLogin(registry, credential);
    }
}
