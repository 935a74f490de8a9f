package dev.estiba.registry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses a proxy from {@code HTTPS_PROXY}/{@code HTTP_PROXY} and {@code NO_PROXY} (either case), as curl and
 * docker read them. Loopback hosts never go through a proxy. jib-core reads only Java system properties.
 * Credentials in the proxy URL are sent as {@code Proxy-Authorization} ({@link ProxyCredentials}).
 */
final class EnvironmentProxySelector extends ProxySelector {
    private final Map<String, String> env;

    EnvironmentProxySelector(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public List<Proxy> select(URI uri) {
        URI p = proxyFor(uri);
        if (p == null) {
            return List.of(Proxy.NO_PROXY);
        }
        int port = p.getPort() > 0 ? p.getPort() : "https".equalsIgnoreCase(p.getScheme()) ? 443 : 80;
        return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.getHost(), port)));
    }

    /**
     * The {@code Proxy-Authorization} value for a request to {@code uri}: Basic with the user and password of
     * the proxy URL ({@code http://user:pass@host:port}, percent-decoded), or null when the request goes
     * direct or the proxy URL has no credentials.
     */
    String authorization(URI uri) {
        URI p = proxyFor(uri);
        return p == null ? null : ProxyCredentials.basic(p);
    }

    /** The proxy URL for a request, or null for a direct connection (loopback, NO_PROXY, no proxy set). */
    URI proxyFor(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1); // an IPv6 literal
        }
        if (RegistryOptions.isLoopback(host) || excluded(host, uri.getPort())) {
            return null;
        }
        String proxy = "https".equalsIgnoreCase(uri.getScheme()) ? get("HTTPS_PROXY") : get("HTTP_PROXY");
        if (proxy == null || proxy.isBlank()) {
            return null;
        }
        return URI.create(proxy.contains("://") ? proxy : "http://" + proxy);
    }

    /** Whether NO_PROXY names the host: {@code *}, the host, a domain suffix ({@code .x.com} or {@code x.com}). */
    boolean excluded(String host, int port) {
        String noProxy = get("NO_PROXY");
        if (noProxy == null) {
            return false;
        }
        for (String raw : noProxy.split(",")) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                return true;
            }
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && entry.indexOf(':') == colon) {
                if (!entry.substring(colon + 1).equals(String.valueOf(port))) {
                    continue;
                }
                entry = entry.substring(0, colon);
            }
            String domain = entry.startsWith(".") ? entry.substring(1) : entry;
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    private String get(String name) {
        String v = env.get(name);
        return v != null ? v : env.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // Nothing to remember: the request fails and is retried as a whole.
    }
}
