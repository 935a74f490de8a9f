package dev.estiba.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ADD download reports its bytes as {@link BuildEvent.Transfer} events, for the tty view's bar. */
class AddDownloadProgressTest {
    @TempDir
    Path tmp;

    @Test
    void aDownloadReportsEveryMebibyteAndItsEnd() throws Exception {
        byte[] body = new byte[3 * (1 << 20) + 5];
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/big.bin", ex -> {
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/big.bin";
            Path ctx = Files.createDirectories(tmp.resolve("ctx"));
            Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nADD " + url + " /big.bin\n");
            List<BuildEvent> events = new ArrayList<>();
            Build.dockerfile(ctx.resolve("Dockerfile")).context(ctx).cacheDir(tmp.resolve("cache"))
                .listener(events::add).run();
            List<BuildEvent.Transfer> transfers = events.stream().filter(e -> e instanceof BuildEvent.Transfer)
                .map(e -> (BuildEvent.Transfer) e).toList();
            long total = body.length;
            String name = "ADD " + url;
            // Reads come in chunks of any size: a report once at least another MiB has gone by, one at the end
            // of the body, and the finished one.
            BuildEvent.Transfer last = transfers.get(transfers.size() - 1);
            assertEquals(new BuildEvent.Transfer(name, total, total, true), last);
            List<BuildEvent.Transfer> running = transfers.subList(0, transfers.size() - 1);
            assertEquals(new BuildEvent.Transfer(name, total, total, false), running.get(running.size() - 1));
            long before = 0;
            for (BuildEvent.Transfer t : running.subList(0, running.size() - 1)) {
                assertEquals(name, t.name());
                assertEquals(total, t.total());
                assertTrue(t.done() - before >= 1 << 20 && t.done() < total, t.toString());
                before = t.done();
            }
            // 3 MiB and 5 bytes: two or three reports before the end, as the chunks fall.
            int between = running.size() - 1;
            assertTrue(between == 2 || between == 3, transfers.toString());
        } finally {
            server.stop(0);
        }
    }

    /** A refused connection names the URL and the failure, not just {@code java.net.ConnectException}. */
    @Test
    void aRefusedConnectionNamesTheUrl() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/x";
        Path ctx = Files.createDirectories(tmp.resolve("ctx"));
        Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nADD " + url + " /x\n");
        BuildException e = assertThrows(BuildException.class, () -> Build.dockerfile(ctx.resolve("Dockerfile"))
            .context(ctx).cacheDir(tmp.resolve("cache")).run());
        assertEquals("Dockerfile:2: ADD failed: ADD " + url + ": cannot connect: connection refused", e.getMessage());
    }
}
