package dev.estiba.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP proxy on 127.0.0.1 for the tests: CONNECT tunnels and plain forwarding of absolute-form requests.
 * It demands {@code Proxy-Authorization: Basic} with its user and password (407 otherwise) on the first request
 * of each connection, and sends every host it is asked for to 127.0.0.1 (so tests can use names that do not
 * resolve, and are not loopback names the client would reach directly). It records what it was asked.
 */
public final class TestProxy implements AutoCloseable {
    /** One request the proxy saw: its request line and the Proxy-Authorization it carried (or null). */
    public record Seen(String requestLine, String authorization) {
    }

    private final ServerSocket server;
    private final String expected;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    public TestProxy(String user, String password) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
            .getBytes(StandardCharsets.UTF_8));
        Thread accept = new Thread(this::acceptLoop, "test-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> serve(client), "test-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            byte[] head = readHead(in);
            if (head == null) {
                return;
            }
            String text = new String(head, StandardCharsets.ISO_8859_1);
            String requestLine = text.substring(0, text.indexOf("\r\n"));
            String auth = null;
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("proxy-authorization:")) {
                    auth = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            seen.add(new Seen(requestLine, auth));
            if (!expected.equals(auth)) {
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return;
            }
            String[] parts = requestLine.split(" ");
            boolean connect = parts[0].equals("CONNECT");
            String authority = connect ? parts[1] : java.net.URI.create(parts[1]).getRawAuthority();
            int port = Integer.parseInt(authority.substring(authority.lastIndexOf(':') + 1));
            try (Socket target = new Socket(InetAddress.getLoopbackAddress(), port)) {
                if (connect) {
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } else {
                    // Go's server takes absolute-form request lines, so the head goes on as it came.
                    target.getOutputStream().write(head);
                }
                Thread up = new Thread(() -> pipe(in, target), "test-proxy-up");
                up.setDaemon(true);
                up.start();
                pipe(target.getInputStream(), client);
            }
        } catch (IOException e) {
            // the client or the target went away
        }
    }

    private static void pipe(InputStream from, Socket to) {
        try {
            from.transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // either side closed
        }
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toByteArray();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
