package dev.estiba.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Keys and certificates made fresh for each test registry with openssl: a test CA with a server certificate
 * for 127.0.0.1, and a self-signed token-signing certificate.
 */
final class TestCertificates {
    private TestCertificates() {
    }

    /** Makes {@code ca.crt} and {@code server.crt}/{@code server.key} (SAN IP:127.0.0.1, DNS:localhost, DNS:registry.test for the proxy tests) in dir. */
    static void makeServerCertificate(Path dir) throws IOException {
        TestProcesses.run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-keyout", "ca.key", "-out", "ca.crt", "-subj", "/CN=estiba test CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        TestProcesses.run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes",
            "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:registry.test\n"
            + "extendedKeyUsage=serverAuth\n");
        TestProcesses.run(dir, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
            "-CAcreateserial", "-days", "2", "-out", "server.crt", "-extfile", "server.ext");
    }

    /** Makes a self-signed {@code token.crt} and its PKCS#8 {@code token.key} in dir. */
    static void makeTokenSigningCertificate(Path dir) throws IOException {
        TestProcesses.run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-keyout", "token.key", "-out", "token.crt", "-subj", "/CN=estiba test token issuer");
    }

    static PrivateKey readPkcs8RsaKey(Path pem) throws IOException {
        try {
            byte[] der = pemBody(pem, "PRIVATE KEY");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot read " + pem + ": " + e, e);
        }
    }

    static X509Certificate readCertificate(Path pem) throws IOException {
        try (var in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot read " + pem + ": " + e, e);
        }
    }

    private static byte[] pemBody(Path pem, String label) throws IOException {
        List<String> lines = Files.readAllLines(pem);
        StringBuilder b64 = new StringBuilder();
        boolean inside = false;
        for (String line : lines) {
            if (line.equals("-----BEGIN " + label + "-----")) {
                inside = true;
            } else if (line.equals("-----END " + label + "-----")) {
                return Base64.getDecoder().decode(b64.toString());
            } else if (inside) {
                b64.append(line.trim());
            }
        }
        throw new IOException(pem + ": no " + label + " block");
    }
}
