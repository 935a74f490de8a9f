package dev.estiba.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS context for one registry: the system trust store plus the {@code --tls-ca-cert} bundle and the
 * registry's {@code certs.d/host:port/*.crt}, or no checks at all for an insecure registry. Per registry,
 * which is why the transport is the JDK's HttpClient and not jib-core's, which only knows the JVM-wide default.
 */
final class TlsContexts {
    private TlsContexts() {
    }

    static SSLContext forHost(String host, RegistryOptions options) throws RegistryException {
        try {
            if (options.isInsecure(host)) {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
                return ctx;
            }
            List<X509Certificate> extra = new ArrayList<>();
            if (options.caCertificate() != null) {
                extra.addAll(read(options.caCertificate(), host));
            }
            for (Path root : options.certsDirectories()) {
                Path dir = root.resolve(host);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (DirectoryStream<Path> crts = Files.newDirectoryStream(dir, "*.crt")) {
                    for (Path crt : crts) {
                        extra.addAll(read(crt, host));
                    }
                }
            }
            if (extra.isEmpty()) {
                return SSLContext.getDefault();
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate ca : systemTrust()) {
                store.setCertificateEntry("system-" + n++, ca);
            }
            for (X509Certificate ca : extra) {
                store.setCertificateEntry("extra-" + n++, ca);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            if (e instanceof RegistryException re) {
                throw re;
            }
            throw new RegistryException(RegistryException.Kind.TLS,
                "registry " + host + ": cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> systemTrust() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        List<X509Certificate> all = new ArrayList<>();
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                all.addAll(List.of(x.getAcceptedIssuers()));
            }
        }
        return all;
    }

    private static List<X509Certificate> read(Path pem, String host) throws RegistryException {
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certs.add((X509Certificate) c);
            }
            if (certs.isEmpty()) {
                throw new RegistryException(RegistryException.Kind.TLS,
                    "registry " + host + ": " + pem + " holds no certificate");
            }
            return certs;
        } catch (IOException | GeneralSecurityException e) {
            if (e instanceof RegistryException re) {
                throw re;
            }
            throw new RegistryException(RegistryException.Kind.TLS,
                "registry " + host + ": cannot read CA certificate " + pem + ": " + e.getMessage(), e);
        }
    }

    /** For --insecure-registry only: accepts any certificate for any name, as docker does for such hosts. */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }
    }
}
