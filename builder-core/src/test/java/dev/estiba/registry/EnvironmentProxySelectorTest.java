package dev.estiba.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentProxySelectorTest {
    static final Map<String, String> ENV = Map.of(
        "HTTPS_PROXY", "http://secure-proxy:3128",
        "http_proxy", "plain-proxy",
        "NO_PROXY", "internal.example, .corp.example, registry.example:5000");

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
        https://ghcr.io/v2/,                   secure-proxy:3128
        http://ghcr.io/v2/,                    plain-proxy:80
        https://internal.example/v2/,          -
        https://a.internal.example/v2/,        -
        https://x.corp.example/v2/,            -
        https://corp.example/v2/,              -
        https://registry.example:5000/v2/,     -
        https://registry.example:443/v2/,      secure-proxy:3128
        http://127.0.0.1:5000/v2/,             -
        https://localhost/v2/,                 -
        http://[::1]:5000/v2/,                 -
        """)
    void choosesProxiesAsCurlDoes(String uri, String proxy) {
        Proxy p = new EnvironmentProxySelector(ENV).select(URI.create(uri)).get(0);
        if (proxy == null) {
            assertEquals(Proxy.NO_PROXY, p);
        } else {
            InetSocketAddress a = (InetSocketAddress) p.address();
            assertEquals(proxy, a.getHostString() + ":" + a.getPort());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
        *
        """)
    void aStarBypassesEverything(String noProxy) {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://p:1", "no_proxy", noProxy);
        assertEquals(Proxy.NO_PROXY, new EnvironmentProxySelector(env).select(URI.create("https://ghcr.io/")).get(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
        https://ghcr.io/v2/,                   alice:s3cret
        http://ghcr.io/v2/,                    bob:p@ss:w rd
        https://internal.example/v2/,          -
        https://127.0.0.1:5000/v2/,            -
        https://[::1]:5000/v2/,                -
        """)
    void proxyCredentialsComeFromTheProxyUrlAndOnlyForProxiedHosts(String uri, String userAndPassword) {
        Map<String, String> env = Map.of(
            "HTTPS_PROXY", "http://alice:s3cret@secure-proxy:3128",
            "HTTP_PROXY", "http://bob:p%40ss%3Aw%20rd@plain-proxy:8080",
            "NO_PROXY", "internal.example");
        String expected = userAndPassword == null ? null : "Basic " + java.util.Base64.getEncoder()
            .encodeToString(userAndPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(expected, new EnvironmentProxySelector(env).authorization(URI.create(uri)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
        http://proxy:3128,             -
        proxy:3128,                    -
        http://user@proxy:3128,        user:
        http://user:@proxy:3128,       user:
        http://u%2Bx:a+b@proxy:3128,   u+x:a+b
        """)
    void credentialsOfEachProxyUrlShape(String proxy, String userAndPassword) {
        String expected = userAndPassword == null ? null : "Basic " + java.util.Base64.getEncoder()
            .encodeToString(userAndPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(expected, new EnvironmentProxySelector(Map.of("HTTPS_PROXY", proxy))
            .authorization(URI.create("https://r.example/v2/")));
    }
}
