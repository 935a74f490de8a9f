package dev.estiba.registry;

import dev.estiba.format.AtomicOutput;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import dev.estiba.image.InvalidDigestException;
import dev.estiba.image.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The OCI distribution API over {@link HttpTransport}, with {@link Authenticator} and {@link Retrier}.
 *
 * <p>This is written here rather than on jib-core's RegistryClient because jib does not expose the bytes of a
 * pulled manifest (only a re-parsed template, which fails on fields such as {@code data} or
 * {@code artifactType}), checks a blob's digest only after writing it out, has no retries, and cannot be
 * given per-registry TLS trust. Manifests are pushed byte for byte, so the registry's digest is ours.
 */
final class DistributionClient implements RegistryClient {
    /** Docker refuses manifests larger than this; so do we, to bound memory. */
    static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
    private static final String ACCEPT_MANIFESTS = String.join(", ", MediaTypes.OCI_INDEX, MediaTypes.OCI_MANIFEST,
        MediaTypes.DOCKER_MANIFEST_LIST, MediaTypes.DOCKER_MANIFEST);

    private final RegistryOptions options;
    private final HttpTransport transport;
    private final Authenticator authenticator;
    private final AuthenticatedHttp http;
    private final ErrorAnswers errors;
    private final Retrier retrier;
    private final Consumer<RegistryEvent> events;

    DistributionClient(RegistryOptions options, Credentials credentials, Consumer<RegistryEvent> events) {
        this.options = options;
        this.events = events == null ? e -> { } : events;
        this.transport = new HttpTransport(options);
        this.authenticator = new Authenticator(transport, credentials);
        this.http = new AuthenticatedHttp(transport, authenticator, options.userAgent());
        this.errors = new ErrorAnswers(authenticator);
        this.retrier = new Retrier(options.maxAttempts(), options.initialBackoff(), this.events);
    }

    @Override
    public RegistryOptions options() {
        return options;
    }

    @Override
    public RemoteManifest fetchManifest(ImageReference ref) throws IOException {
        String what = "pull " + ref;
        return retrier.run(what, () -> {
            HttpResponse<InputStream> r = http.send(ref, Scope.pull(ref.repository()), "GET",
                path(ref, "/manifests/" + ref.qualifier()), null, "Accept", ACCEPT_MANIFESTS);
            try (InputStream in = r.body()) {
                if (r.statusCode() != 200) {
                    throw errors.failure(what, ref, r.statusCode(), in, "manifest");
                }
                byte[] bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
                if (bytes.length > MAX_MANIFEST_BYTES) {
                    throw new RegistryException(RegistryException.Kind.PROTOCOL, what
                        + ": manifest larger than " + MAX_MANIFEST_BYTES + " bytes");
                }
                Digest digest = ref.digest() != null ? digestOf(ref.digest(), bytes) : Digest.sha256(bytes);
                if (ref.digest() != null && !digest.equals(ref.digest())) {
                    throw new RegistryException(RegistryException.Kind.DIGEST_MISMATCH, what + ": registry "
                        + ref.registry() + " sent a manifest whose digest is " + digest);
                }
                Optional<String> claimed = r.headers().firstValue("Docker-Content-Digest");
                if (claimed.isPresent() && !claimed.get().equals(digest.toString())
                    && claimed.get().startsWith(digest.algorithm() + ":")) {
                    throw new RegistryException(RegistryException.Kind.DIGEST_MISMATCH, what + ": registry "
                        + ref.registry() + " says the manifest is " + claimed.get() + " but its bytes are " + digest);
                }
                return new RemoteManifest(ref, bytes, mediaType(r, bytes, what), digest);
            } catch (IOException e) {
                throw ErrorAnswers.readFailure(ref, e);
            }
        });
    }

    @Override
    public Optional<Long> blobSize(ImageReference repo, Digest digest) throws IOException {
        String what = "check blob " + digest + " in " + repo.name();
        return retrier.run(what, () -> headBlob(repo, digest, Scope.pull(repo.repository()), what));
    }

    private Optional<Long> headBlob(ImageReference repo, Digest digest, Scope scope, String what) throws IOException {
        HttpResponse<InputStream> r = http.send(repo, scope, "HEAD", path(repo, "/blobs/" + digest), null);
        try (InputStream in = r.body()) {
            if (r.statusCode() == 200) {
                return Optional.of(r.headers().firstValueAsLong("Content-Length").orElse(-1));
            }
            if (r.statusCode() == 404) {
                return Optional.empty();
            }
            throw errors.failure(what, repo, r.statusCode(), in, "blob");
        }
    }

    @Override
    public void pullBlob(ImageReference repo, Descriptor blob, Path destination) throws IOException {
        String what = "pull blob " + blob.digest() + " of " + repo;
        retrier.run(what, () -> {
            Path dir = destination.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".pull-", ".tmp");
            try {
                HttpResponse<InputStream> r = http.send(repo, Scope.pull(repo.repository()), "GET",
                    path(repo, "/blobs/" + blob.digest()), null);
                try (InputStream in = r.body()) {
                    if (r.statusCode() != 200) {
                        throw errors.failure(what, repo, r.statusCode(), in, "blob");
                    }
                    events.accept(new RegistryEvent.BlobStarted(repo.name(), blob.digest(), blob.size(), false));
                    copyVerified(new dev.estiba.image.CountingInputStream(in, RegistryEvent.PROGRESS_STEP,
                        n -> events.accept(new RegistryEvent.BlobProgress(repo.name(), blob.digest(), n, blob.size(),
                            false))), tmp, blob, what, repo);
                } catch (RegistryException | Retrier.RetryableException e) {
                    throw e;
                } catch (IOException e) {
                    throw ErrorAnswers.readFailure(repo, e);
                }
                AtomicOutput.shareable(tmp, false); // temporary files start private; blobs are not secret
                moveIntoPlace(tmp, destination);
                events.accept(new RegistryEvent.BlobDone(repo.name(), blob.digest(), blob.size(),
                    BlobOutcome.DOWNLOADED));
                return null;
            } finally {
                Files.deleteIfExists(tmp);
            }
        });
    }

    /** Streams into the file, hashing as it goes; stops as soon as there are more bytes than declared. */
    private static void copyVerified(InputStream in, Path tmp, Descriptor blob, String what, ImageReference repo)
        throws IOException {
        MessageDigest hasher = blob.digest().newHasher();
        long total = 0;
        byte[] buf = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(tmp)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > blob.size()) {
                    throw new RegistryException(RegistryException.Kind.DIGEST_MISMATCH, what + ": registry "
                        + repo.registry() + " sent more than the " + blob.size() + " bytes the manifest declares");
                }
                hasher.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        if (total != blob.size()) {
            throw new Retrier.RetryableException(RegistryException.Kind.DIGEST_MISMATCH, "registry "
                + repo.registry() + " sent " + total + " of " + blob.size() + " bytes", null);
        }
        byte[] actual = hasher.digest();
        if (!blob.digest().matches(actual)) {
            String got = new Digest(blob.digest().algorithm(), java.util.HexFormat.of().formatHex(actual)).toString();
            throw new RegistryException(RegistryException.Kind.DIGEST_MISMATCH, what + ": registry "
                + repo.registry() + " sent bytes whose digest is " + got + "; nothing was stored");
        }
    }

    private static void moveIntoPlace(Path tmp, Path destination) throws IOException {
        try {
            Files.move(tmp, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public BlobOutcome pushBlob(ImageReference repo, Descriptor blob, BlobContent content, String mountFrom)
        throws IOException {
        String what = "push blob " + blob.digest() + " to " + repo.name();
        String from = mountFrom != null && !mountFrom.equals(repo.repository()) ? mountFrom : null;
        Scope scope = Scope.push(repo.repository(), from);
        return retrier.run(what, () -> {
            if (headBlob(repo, blob.digest(), scope, what).isPresent()) {
                events.accept(new RegistryEvent.BlobDone(repo.name(), blob.digest(), blob.size(),
                    BlobOutcome.ALREADY_IN_REGISTRY));
                return BlobOutcome.ALREADY_IN_REGISTRY;
            }
            String start = from == null ? "/blobs/uploads/"
                : "/blobs/uploads/?mount=" + enc(blob.digest().toString()) + "&from=" + enc(from);
            HttpResponse<InputStream> r = http.send(repo, scope, "POST", path(repo, start),
                HttpRequest.BodyPublishers::noBody);
            URI location;
            try (InputStream in = r.body()) {
                if (r.statusCode() == 201 && from != null) {
                    events.accept(new RegistryEvent.BlobDone(repo.name(), blob.digest(), blob.size(),
                        BlobOutcome.MOUNTED));
                    return BlobOutcome.MOUNTED;
                }
                if (r.statusCode() != 202) {
                    throw errors.failure(what, repo, r.statusCode(), in, "upload");
                }
                location = location(repo, r, what);
            }
            events.accept(new RegistryEvent.BlobStarted(repo.name(), blob.digest(), blob.size(), true));
            String sep = location.getRawQuery() == null ? "?" : "&";
            URI put = URI.create(location + sep + "digest=" + enc(blob.digest().toString()));
            Supplier<HttpRequest.BodyPublisher> body = () -> HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        return new dev.estiba.image.CountingInputStream(content.open(), RegistryEvent.PROGRESS_STEP,
                            n -> events.accept(new RegistryEvent.BlobProgress(repo.name(), blob.digest(), n,
                                blob.size(), true)));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }), blob.size());
            HttpResponse<InputStream> done = http.send(repo, scope, "PUT", put, body,
                "Content-Type", "application/octet-stream");
            try (InputStream in = done.body()) {
                if (done.statusCode() != 201) {
                    throw errors.failure(what, repo, done.statusCode(), in, "upload");
                }
            }
            events.accept(new RegistryEvent.BlobDone(repo.name(), blob.digest(), blob.size(), BlobOutcome.UPLOADED));
            return BlobOutcome.UPLOADED;
        });
    }

    @Override
    public Digest pushManifest(ImageReference ref, byte[] bytes, String mediaType) throws IOException {
        String what = "push " + ref;
        Digest digest = ref.digest() != null ? digestOf(ref.digest(), bytes) : Digest.sha256(bytes);
        if (ref.digest() != null && !digest.equals(ref.digest())) {
            throw new RegistryException(RegistryException.Kind.DIGEST_MISMATCH, what
                + ": the manifest's digest is " + digest);
        }
        String target = ref.tag() != null && ref.digest() == null ? ref.tag() : digest.toString();
        byte[] body = bytes.clone();
        return retrier.run(what, () -> {
            HttpResponse<InputStream> r = http.send(ref, Scope.push(ref.repository(), null), "PUT",
                path(ref, "/manifests/" + target), () -> HttpRequest.BodyPublishers.ofByteArray(body),
                "Content-Type", mediaType);
            try (InputStream in = r.body()) {
                if (r.statusCode() != 201) {
                    throw errors.failure(what, ref, r.statusCode(), in, "manifest");
                }
            }
            Optional<String> stored = r.headers().firstValue("Docker-Content-Digest");
            if (stored.isPresent() && !stored.get().equals(digest.toString())
                && stored.get().startsWith(digest.algorithm() + ":")) {
                throw new RegistryException(RegistryException.Kind.DIGEST_MISMATCH, what + ": registry "
                    + ref.registry() + " stored the manifest as " + stored.get() + ", not " + digest);
            }
            events.accept(new RegistryEvent.ManifestPushed(ref, digest));
            return digest;
        });
    }

    @Override
    public void checkLogin(String registry, Credential credential) throws IOException {
        ImageReference any = new ImageReference(registry, "", "latest", null);
        authenticator.useCredential(registry, credential);
        String what = "login to " + registry;
        retrier.run(what, () -> {
            URI ping = transport.base(any.apiHost()).resolve("/v2/");
            HttpResponse<InputStream> r = http.send(any, Scope.none(), "GET", ping, null);
            try (InputStream in = r.body()) {
                if (r.statusCode() == 200) {
                    return null;
                }
                if (r.statusCode() == 401) {
                    throw new RegistryException(RegistryException.Kind.UNAUTHORIZED, what
                        + ": registry refused the credentials of user " + credential.username());
                }
                throw errors.failure(what, any, r.statusCode(), in, "registry");
            }
        });
    }

    private URI path(ImageReference repo, String suffix) throws IOException {
        return transport.base(repo.apiHost()).resolve("/v2/" + repo.repository() + suffix);
    }

    private static URI location(ImageReference repo, HttpResponse<?> r, String what) throws RegistryException {
        String loc = r.headers().firstValue("Location").orElseThrow(() -> new RegistryException(
            RegistryException.Kind.PROTOCOL, what + ": registry " + repo.registry() + " sent no upload Location"));
        return r.uri().resolve(loc);
    }

    private static String mediaType(HttpResponse<?> r, byte[] bytes, String what) throws RegistryException {
        String header = r.headers().firstValue("Content-Type").orElse("");
        int semi = header.indexOf(';');
        String type = (semi < 0 ? header : header.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        if (MediaTypes.isManifest(type) || MediaTypes.isIndex(type)) {
            return type;
        }
        // Some registries answer application/json: the document's own mediaType (or shape) decides.
        try {
            return dev.estiba.image.Manifest.parse(bytes, what).effectiveMediaType();
        } catch (RuntimeException e) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, what + ": unsupported manifest type \""
                + type + "\": " + e.getMessage());
        }
    }

    private static Digest digestOf(Digest like, byte[] bytes) {
        MessageDigest md = like.newHasher();
        try {
            return new Digest(like.algorithm(), java.util.HexFormat.of().formatHex(md.digest(bytes)));
        } catch (InvalidDigestException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
