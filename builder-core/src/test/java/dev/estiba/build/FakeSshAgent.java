package dev.estiba.build;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test fixture: a Unix-domain socket speaking just enough of the SSH agent protocol to answer
 * {@code ssh-add -L} with one ed25519 key whose comment is {@code comment}; every other request gets a failure.
 */
final class FakeSshAgent implements Closeable {
    private static final int REQUEST_IDENTITIES = 11;
    private static final int IDENTITIES_ANSWER = 12;
    private static final int FAILURE = 5;

    private final ServerSocketChannel server;
    private final Path socket;
    private final String comment;

    FakeSshAgent(Path socket, String comment) throws IOException {
        this.socket = socket;
        this.comment = comment;
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread t = new Thread(this::serve, "fake-ssh-agent");
        t.setDaemon(true);
        t.start();
    }

    /** The public key blob: string "ssh-ed25519", string 32 key bytes. */
    static byte[] keyBlob() {
        byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(4 + type.length + 4 + 32);
        b.putInt(type.length).put(type).putInt(32);
        for (int i = 0; i < 32; i++) {
            b.put((byte) (i * 7 + 1));
        }
        return b.array();
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel c = server.accept()) {
                DataInputStream in = new DataInputStream(Channels.newInputStream(c));
                while (true) {
                    int length = in.readInt();
                    byte[] message = in.readNBytes(length);
                    c.write(message.length > 0 && message[0] == REQUEST_IDENTITIES ? answer()
                        : ByteBuffer.allocate(5).putInt(1).put((byte) FAILURE).flip());
                }
            } catch (IOException e) {
                // The client hung up, or the agent closed.
            }
        }
    }

    private ByteBuffer answer() {
        byte[] blob = keyBlob();
        byte[] text = comment.getBytes(StandardCharsets.UTF_8);
        int body = 1 + 4 + 4 + blob.length + 4 + text.length;
        return ByteBuffer.allocate(4 + body).putInt(body).put((byte) IDENTITIES_ANSWER).putInt(1)
            .putInt(blob.length).put(blob).putInt(text.length).put(text).flip();
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }
}
