package dev.estiba.registry;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * HTTP to registries over the JDK's HttpClient: one client per host (its own TLS trust, pooled connections),
 * proxies from the environment, and the choice between HTTPS and plain HTTP made once per host.
 *
 * <p>jib-core's FailoverHttpClient is not used: it trusts only the JVM-wide default store (no per-registry CA),
 * reads proxies from system properties only, opens a new connection per request, and falls back to plain HTTP
 * for every host once insecure mode is on.
 */
final class HttpTransport {
    /** The JDK client's buffer size for socket reads and request bodies (16 KiB unless set). */
    static final String BUFFER_SIZE_PROPERTY = "jdk.httpclient.bufsize";
    static final String BUFFER_SIZE = Integer.toString(256 * 1024);

    static {
        // Blobs are hundreds of MiB: with 256 KiB buffers a 1 GiB pull took 5.3 CPU-seconds instead of 8.2
        // (bench/registry.sh), fewer reads and hand-offs between the client's threads. The JDK reads the
        // property once, when its HTTP classes load, so it is set here, before the first client is built,
        // unless the user chose a size.
        if (System.getProperty(BUFFER_SIZE_PROPERTY) == null) {
            System.setProperty(BUFFER_SIZE_PROPERTY, BUFFER_SIZE);
        }
        ProxyCredentials.allowBasicThroughTunnels();
    }

    private final RegistryOptions options;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
    private final Map<String, String> schemes = new ConcurrentHashMap<>();
    private final EnvironmentProxySelector proxies;

    HttpTransport(RegistryOptions options) {
        this.options = options;
        this.proxies = new EnvironmentProxySelector(options.environment());
    }

    RegistryOptions options() {
        return options;
    }

    /** {@code https://host} or, for hosts that allow it and do not speak TLS, {@code http://host}. */
    URI base(String host) throws IOException {
        String scheme = schemes.get(host);
        if (scheme == null) {
            scheme = probe(host);
            schemes.put(host, scheme);
        }
        return URI.create(scheme + "://" + host);
    }

    private String probe(String host) throws IOException {
        if (!options.allowsPlainHttp(host)) {
            return "https";
        }
        HttpRequest ping = HttpRequest.newBuilder(URI.create("https://" + host + "/v2/")).GET()
            .header("User-Agent", options.userAgent()).build();
        try {
            client(host).send(withProxyAuthorization(ping), HttpResponse.BodyHandlers.discarding());
            return "https";
        } catch (SSLException e) {
            if (e instanceof SSLHandshakeException && isCertificateProblem(e) && !options.isInsecure(host)) {
                throw tlsFailure(host, e);
            }
            return "http"; // the server does not speak TLS on that port
        } catch (IOException e) {
            if (findCause(e, SSLException.class) != null && !isCertificateProblem(e)) {
                return "http";
            }
            if (isCertificateProblem(e) && !options.isInsecure(host)) {
                throw tlsFailure(host, e);
            }
            throw retryable(host, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    HttpClient client(String host) throws RegistryException {
        HttpClient c = clients.get(host);
        if (c != null) {
            return c;
        }
        c = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(options.connectTimeout())
            .proxy(proxies)
            .sslContext(TlsContexts.forHost(host, options))
            .build();
        HttpClient raced = clients.putIfAbsent(host, c);
        return raced != null ? raced : c;
    }

    /**
     * Sends a request. Connection errors become {@link Retrier.RetryableException}; certificate errors a
     * final {@link RegistryException} of kind TLS.
     */
    <T> HttpResponse<T> send(String host, HttpRequest request, HttpResponse.BodyHandler<T> handler)
        throws IOException {
        try {
            return client(host).send(withProxyAuthorization(request), handler);
        } catch (RegistryException e) {
            throw e;
        } catch (IOException e) {
            if (isCertificateProblem(e)) {
                throw tlsFailure(host, e);
            }
            throw retryable(host, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    /** The request with the proxy's credentials when it goes through a proxy whose URL has them. */
    private HttpRequest withProxyAuthorization(HttpRequest request) {
        String authorization = proxies.authorization(request.uri());
        return authorization == null ? request : HttpRequest.newBuilder(request, (name, value) -> true)
            .header("Proxy-Authorization", authorization).build();
    }

    static Retrier.RetryableException retryable(String host, IOException e) {
        String what = e instanceof ConnectException ? "cannot connect to " + host
            : e instanceof HttpTimeoutException ? "timed out talking to " + host
            : "connection to " + host + " failed";
        String detail = e.getMessage() != null ? e.getMessage()
            : e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
        return new Retrier.RetryableException(RegistryException.Kind.CONNECTION, what + ": " + detail, e);
    }

    private static RegistryException tlsFailure(String host, IOException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new RegistryException(RegistryException.Kind.TLS, "registry " + host
            + ": TLS certificate not trusted (" + root.getMessage() + "); give its CA with --tls-ca-cert, put it in"
            + " /etc/docker/certs.d/" + host + "/ca.crt, or name the registry with --insecure-registry", e);
    }

    static boolean isCertificateProblem(Throwable e) {
        return findCause(e, CertificateException.class) != null
            || (findCause(e, SSLHandshakeException.class) != null
                && String.valueOf(findCause(e, SSLHandshakeException.class).getMessage()).contains("PKIX"));
    }

    static <E extends Throwable> E findCause(Throwable e, Class<E> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
