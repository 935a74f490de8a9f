package dev.estiba.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Requests to a registry's API with authentication: the Authorization header from {@link Authenticator},
 * one more attempt after a 401 taught a challenge, and redirects followed for GET and HEAD.
 */
final class AuthenticatedHttp {
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    private static final int MAX_REDIRECTS = 5;

    private final HttpTransport transport;
    private final Authenticator authenticator;
    private final String userAgent;

    AuthenticatedHttp(HttpTransport transport, Authenticator authenticator, String userAgent) {
        this.transport = transport;
        this.authenticator = authenticator;
        this.userAgent = userAgent;
    }

    /**
     * One request with authentication: sends it with what is known, and on a 401 learns the challenge (or
     * fetches a token) and sends it once more. GET and HEAD follow redirects, without credentials to other
     * hosts (blob downloads are often redirected to a CDN).
     */
    HttpResponse<InputStream> send(ImageReference repo, Scope scope, String method, URI uri,
        Supplier<HttpRequest.BodyPublisher> body, String... headers) throws IOException {
        String host = repo.apiHost();
        String auth = authenticator.header(repo, scope).orElse(null);
        for (int round = 0; ; round++) {
            HttpResponse<InputStream> r = transport.send(host, build(method, uri, body, auth, headers),
                HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() == 401 && round == 0) {
                String challenge = r.headers().firstValue("WWW-Authenticate").orElse(null);
                boolean retry;
                try {
                    retry = authenticator.challenged(repo, challenge, scope, auth);
                } catch (IOException e) {
                    r.body().close();
                    throw e;
                }
                if (retry) {
                    r.body().close();
                    auth = authenticator.header(repo, scope).orElse(null);
                    continue;
                }
                return r;
            }
            if (isRedirect(r.statusCode()) && (method.equals("GET") || method.equals("HEAD"))) {
                return followRedirects(r, uri, method, headers);
            }
            return r;
        }
    }

    private HttpResponse<InputStream> followRedirects(HttpResponse<InputStream> first, URI from, String method,
        String... headers) throws IOException {
        HttpResponse<InputStream> r = first;
        URI current = from;
        for (int i = 0; i < MAX_REDIRECTS && isRedirect(r.statusCode()); i++) {
            String location = r.headers().firstValue("Location").orElse(null);
            r.body().close();
            if (location == null) {
                throw new RegistryException(RegistryException.Kind.PROTOCOL, current + ": redirect without Location");
            }
            current = current.resolve(location);
            String host = current.getPort() < 0 ? current.getHost() : current.getHost() + ":" + current.getPort();
            r = transport.send(host, build(method, current, null, null, headers),
                HttpResponse.BodyHandlers.ofInputStream());
        }
        return r;
    }

    private HttpRequest build(String method, URI uri, Supplier<HttpRequest.BodyPublisher> body, String auth,
        String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body.get())
            .header("User-Agent", userAgent);
        if (!method.equals("PUT")) {
            b.timeout(REQUEST_TIMEOUT); // a PUT's timeout would cover the whole upload
        }
        if (auth != null) {
            b.header("Authorization", auth);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

}
