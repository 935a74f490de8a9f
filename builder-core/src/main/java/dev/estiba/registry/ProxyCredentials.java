package dev.estiba.registry;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Proxy authentication as curl and docker do it: the user and password in the proxy URL
 * ({@code HTTPS_PROXY=http://user:pass@proxy:3128}) are sent as {@code Proxy-Authorization: Basic}, with every
 * request, so no 407 round trip is needed.
 *
 * <p>The JDK's HttpClient would answer a 407 itself only through a {@link java.net.Authenticator}, which it then
 * also asks on every 401 from a registry (breaking the registry's own Basic and token challenges, which
 * {@link Authenticator} handles). So the header is set on each request instead. For HTTPS the JDK copies that
 * header onto its CONNECT request, but drops Basic there unless
 * {@code jdk.http.auth.tunneling.disabledSchemes} allows it: {@link #allowBasicThroughTunnels()} clears that
 * property (unless the user set it) before the JDK's HTTP classes read it.
 */
public final class ProxyCredentials {
    static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

    private ProxyCredentials() {
    }

    /** {@code Basic base64(user:password)} from a proxy URL's user info, or null when it has none. */
    static String basic(URI proxy) {
        String info = proxy.getRawUserInfo();
        if (info == null || info.isEmpty()) {
            return null;
        }
        int colon = info.indexOf(':');
        String user = decode(colon < 0 ? info : info.substring(0, colon));
        String password = colon < 0 ? "" : decode(info.substring(colon + 1));
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Lets Basic credentials go on CONNECT requests; a no-op when the user chose the property's value. */
    public static void allowBasicThroughTunnels() {
        if (System.getProperty(TUNNELING_DISABLED_SCHEMES) == null) {
            System.setProperty(TUNNELING_DISABLED_SCHEMES, "");
        }
    }
}
