package dev.estiba.build.copy;

import dev.estiba.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * ADD's {@code http(s)://} sources: downloaded into the cache, checked against {@code --checksum}, with the
 * file name from the URL path and the Last-Modified header as the mtime (as docker does).
 *
 * @param file the downloaded bytes
 * @param name the file name the URL gives
 * @param digest {@code sha256:<hex>} of the bytes
 * @param lastModified the server's Last-Modified, if it sent one
 */
public record Download(Path file, String name, String digest, Optional<Instant> lastModified) {

    /** Whether a source is a URL ADD downloads. */
    public static boolean isUrl(String source) {
        return source.startsWith("http://") || source.startsWith("https://");
    }

    /**
     * Downloads a URL into {@code directory}.
     *
     * @param checksum the expected {@code sha256:<hex>}, if given
     * @throws IOException on a transfer error, a status other than 2xx, or a checksum mismatch
     */
    public static Download fetch(String url, Path directory, Optional<String> checksum) throws IOException {
        return fetch(url, directory, checksum, (done, total, finished) -> { });
    }

    /** How far a download is. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param done bytes so far
         * @param total the Content-Length, or -1
         * @param finished whether the body ended
         */
        void bytes(long done, long total, boolean finished);
    }

    /** Bytes between two progress reports. */
    public static final long PROGRESS_STEP = 1L << 20;

    /**
     * Downloads a URL into {@code directory}, telling {@code progress} how far it is.
     *
     * @param checksum the expected {@code sha256:<hex>}, if given
     * @throws IOException on a transfer error, a status other than 2xx, or a checksum mismatch
     */
    public static Download fetch(String url, Path directory, Optional<String> checksum, Progress progress)
            throws IOException {
        // The JDK reads its HTTP settings once: the registry client's must be in place if this loads them first.
        dev.estiba.registry.ProxyCredentials.allowBasicThroughTunnels();
        Files.createDirectories(directory);
        URI uri = URI.create(url);
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30)).build();
        Path temp = Files.createTempFile(directory, ".download-", ".tmp");
        try {
            HttpResponse<InputStream> r;
            try {
                r = client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (java.net.http.HttpConnectTimeoutException e) {
                throw new IOException("ADD " + url + ": connection timed out", e);
            } catch (java.net.ConnectException e) {
                // The JDK client's ConnectException often has no message: name the failure and the URL.
                throw new IOException("ADD " + url + ": cannot connect: "
                    + (e.getMessage() == null ? "connection refused" : e.getMessage()), e);
            }
            MessageDigest md = Digest.newSha256();
            long total = r.headers().firstValueAsLong("Content-Length").orElse(-1);
            try (InputStream in = new dev.estiba.image.CountingInputStream(r.body(), PROGRESS_STEP,
                    n -> progress.bytes(n, total, false)); OutputStream out = Files.newOutputStream(temp)) {
                if (r.statusCode() / 100 != 2) {
                    throw new IOException("ADD " + url + ": HTTP status " + r.statusCode());
                }
                byte[] buf = new byte[1 << 16];
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    md.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
                progress.bytes(Files.size(temp), total, true);
            }
            String digest = Digest.ofSha256(md.digest()).toString();
            if (checksum.isPresent() && !checksum.get().equals(digest)) {
                throw new IOException("ADD " + url + ": checksum mismatch: expected " + checksum.get() + ", got "
                    + digest);
            }
            Optional<Instant> modified = r.headers().firstValue("Last-Modified").flatMap(Download::httpDate);
            Path target = directory.resolve(digest.substring(7));
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Download(target, fileName(uri), digest, modified);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("ADD " + url + ": interrupted", e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The last path element of the URL, or {@code __unnamed__} as BuildKit names a URL without one. */
    static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? "__unnamed__" : name;
    }

    private static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

}
