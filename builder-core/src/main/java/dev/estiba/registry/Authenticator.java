package dev.estiba.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registry authentication: learns each registry's challenge from its first 401, then sends Basic credentials
 * or fetches bearer tokens per scope from the token server (Docker Hub, GHCR, distribution's token auth),
 * with an OAuth2 refresh grant for identity tokens. Tokens are cached until shortly before they expire.
 */
final class Authenticator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(60);

    private record Token(String value, Instant expires) {
    }

    private final HttpTransport transport;
    private final Credentials credentials;
    private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    /** Credentials looked up per repository: auth.json may hold one per repository path. */
    private final Map<String, Optional<Credential>> found = new ConcurrentHashMap<>();
    /** Credentials given for a whole registry (login). */
    private final Map<String, Credential> given = new ConcurrentHashMap<>();

    Authenticator(HttpTransport transport, Credentials credentials) {
        this.transport = transport;
        this.credentials = credentials;
    }

    /** Uses this credential for a registry instead of looking one up (login checks exactly what it will save). */
    void useCredential(String registry, Credential credential) {
        given.put(registry, credential);
    }

    Optional<Credential> credential(ImageReference repo) throws RegistryException {
        Credential login = given.get(repo.registry());
        if (login != null) {
            return Optional.of(login);
        }
        Optional<Credential> c = found.get(repo.name());
        if (c == null) {
            c = credentials == null ? Optional.empty() : credentials.find(repo.registry(), repo.repository());
            found.put(repo.name(), c);
        }
        return c;
    }

    /** The Authorization header to send, if the registry's challenge is already known. */
    Optional<String> header(ImageReference repo, Scope scope) throws IOException {
        Challenge challenge = challenges.get(repo.registry());
        if (challenge == null) {
            return Optional.empty();
        }
        if (challenge.isBasic()) {
            return credential(repo).map(Authenticator::basic);
        }
        if (challenge.isBearer()) {
            Token t = tokens.get(repo.registry() + " " + scope.key());
            if (t == null || Instant.now().isAfter(t.expires())) {
                t = fetchToken(repo, challenge, scope);
            }
            return Optional.of("Bearer " + t.value());
        }
        return Optional.empty();
    }

    /**
     * Takes a 401 answer's challenge. Returns whether a retry can succeed: Basic credentials not sent yet, or
     * a freshly fetched bearer token.
     */
    boolean challenged(ImageReference repo, String wwwAuthenticate, Scope scope, String sentHeader)
        throws IOException {
        if (wwwAuthenticate == null || wwwAuthenticate.isBlank()) {
            return false;
        }
        Challenge challenge = Challenge.parse(wwwAuthenticate);
        challenges.put(repo.registry(), challenge);
        if (challenge.isBasic()) {
            return sentHeader == null && credential(repo).isPresent();
        }
        if (challenge.isBearer()) {
            // A fresh token, also when one was sent: it may have expired early. The caller retries only once.
            fetchToken(repo, challenge, scope);
            return true;
        }
        return false;
    }

    private Token fetchToken(ImageReference repo, Challenge challenge, Scope scope) throws IOException {
        String realm = challenge.param("realm");
        if (realm == null) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, "registry " + repo.registry()
                + ": bearer challenge without a realm");
        }
        URI realmUri = URI.create(realm);
        String realmHost = realmUri.getPort() < 0 ? realmUri.getHost() : realmUri.getHost() + ":" + realmUri.getPort();
        if (!"https".equals(realmUri.getScheme()) && !transport.options().allowsPlainHttp(realmHost)) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, "registry " + repo.registry()
                + ": refusing to send credentials to the plain-HTTP token server " + realm);
        }
        StringBuilder query = new StringBuilder();
        if (challenge.param("service") != null) {
            query.append("service=").append(enc(challenge.param("service")));
        }
        for (String s : scope.parameters()) {
            query.append(query.length() == 0 ? "" : "&").append("scope=").append(enc(s));
        }
        Optional<Credential> cred = credential(repo);
        HttpRequest.Builder request;
        if (cred.isPresent() && cred.get().isIdentityToken()) {
            String form = "grant_type=refresh_token&client_id=estiba&refresh_token=" + enc(cred.get().secret())
                + (query.length() == 0 ? "" : "&" + query);
            request = HttpRequest.newBuilder(realmUri).POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded");
        } else {
            String sep = realm.contains("?") ? "&" : "?";
            request = HttpRequest.newBuilder(URI.create(realm + (query.length() == 0 ? "" : sep + query))).GET();
            cred.ifPresent(c -> request.header("Authorization", basic(c)));
        }
        request.header("User-Agent", transport.options().userAgent());
        HttpResponse<byte[]> r = transport.send(realmHost, request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            throw new RegistryException(RegistryException.Kind.UNAUTHORIZED, "registry " + repo.registry()
                + ": the token server " + realmHost + " refused " + who(cred) + " for " + repo.name()
                + " (HTTP " + r.statusCode() + ")");
        }
        if (r.statusCode() >= 500) {
            throw new Retrier.RetryableException(RegistryException.Kind.PROTOCOL,
                "token server " + realmHost + " answered HTTP " + r.statusCode(), null);
        }
        if (r.statusCode() != 200) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, "registry " + repo.registry()
                + ": the token server " + realmHost + " answered HTTP " + r.statusCode());
        }
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (IOException e) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, "registry " + repo.registry()
                + ": unreadable answer from the token server " + realmHost, e);
        }
        String token = body.path("token").asText(body.path("access_token").asText(""));
        if (token.isEmpty()) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, "registry " + repo.registry()
                + ": the token server " + realmHost + " sent no token");
        }
        long seconds = body.path("expires_in").asLong(DEFAULT_TOKEN_LIFETIME.toSeconds());
        // Renew ten seconds early so a token never expires between header and request.
        Token t = new Token(token, Instant.now().plusSeconds(Math.max(seconds - 10, 1)));
        tokens.put(repo.registry() + " " + scope.key(), t);
        return t;
    }

    /** "user NAME" or "anonymous access", for messages. */
    static String who(Optional<Credential> c) {
        return c.map(x -> x.isIdentityToken() ? "the identity token" : "the credentials of user " + x.username())
            .orElse("anonymous access");
    }

    private static String basic(Credential c) {
        return "Basic " + Base64.getEncoder().encodeToString(
            (c.username() + ":" + c.secret()).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
