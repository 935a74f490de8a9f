package dev.estiba.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small token server as Docker Hub and GHCR run: it checks Basic credentials and answers with a JWT signed
 * by a key made at setup, granting the requested repository actions. Anonymous callers get a token with no
 * access, so the registry refuses them as a public registry refuses private repositories.
 */
public final class TestTokenIssuer implements AutoCloseable {
    public static final String ISSUER = "estiba-test-issuer";
    public static final String SERVICE = "estiba-test-registry";
    /** The identity token the issuer accepts in a refresh grant. */
    public static final String REFRESH_TOKEN = "estiba-identity-token";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final PrivateKey key;
    private final X509Certificate certificate;
    private final String user;
    private final String password;
    private final List<String> scopesRequested = new CopyOnWriteArrayList<>();

    TestTokenIssuer(Path keyPem, Path certPem, String user, String password) throws IOException {
        this.key = TestCertificates.readPkcs8RsaKey(keyPem);
        this.certificate = TestCertificates.readCertificate(certPem);
        this.user = user;
        this.password = password;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::handle);
        server.start();
    }

    /** The realm the registry sends clients to. */
    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** Every scope parameter received, in order. */
    public List<String> scopesRequested() {
        return List.copyOf(scopesRequested);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            // GET with Basic credentials (docker's token flow), or POST with an OAuth2 refresh grant.
            boolean post = ex.getRequestMethod().equals("POST");
            String form = post ? new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                : ex.getRequestURI().getRawQuery();
            List<String> scopes = new ArrayList<>();
            java.util.Map<String, String> params = new java.util.HashMap<>();
            for (String pair : form == null ? new String[0] : form.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String name = pair.substring(0, eq);
                    String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    if (name.equals("scope")) {
                        scopes.add(value);
                    } else {
                        params.put(name, value);
                    }
                }
            }
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String subject = "";
            boolean refused = false;
            if (post) {
                refused = !"refresh_token".equals(params.get("grant_type"))
                    || !REFRESH_TOKEN.equals(params.get("refresh_token"));
                subject = user;
            } else if (auth != null) {
                String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8));
                refused = !auth.equals(expected);
                subject = user;
            }
            if (refused) {
                byte[] body = "{\"details\":\"incorrect username or password\"}".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(401, body.length);
                ex.getResponseBody().write(body);
                return;
            }
            scopesRequested.addAll(scopes);
            String token = jwt(subject, subject.isEmpty() ? List.of() : scopes);
            ObjectNode answer = JSON.createObjectNode().put("token", token).put("access_token", token)
                .put("expires_in", 300);
            byte[] body = JSON.writeValueAsBytes(answer);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private String jwt(String subject, List<String> scopes) throws GeneralSecurityException, IOException {
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT");
        header.putArray("x5c").add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
        long now = System.currentTimeMillis() / 1000;
        ObjectNode claims = JSON.createObjectNode().put("iss", ISSUER).put("sub", subject).put("aud", SERVICE)
            .put("exp", now + 300).put("nbf", now - 60).put("iat", now).put("jti", UUID.randomUUID().toString());
        ArrayNode access = claims.putArray("access");
        for (String scope : scopes) {
            // repository:<name>:<action,action>
            int first = scope.indexOf(':');
            int last = scope.lastIndexOf(':');
            if (first < 0 || last <= first) {
                continue;
            }
            ObjectNode entry = access.addObject().put("type", scope.substring(0, first))
                .put("name", scope.substring(first + 1, last));
            ArrayNode actions = entry.putArray("actions");
            for (String action : scope.substring(last + 1).split(",")) {
                actions.add(action);
            }
        }
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(JSON.writeValueAsBytes(header)) + "."
            + b64.encodeToString(JSON.writeValueAsBytes(claims));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(rsa.sign());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
