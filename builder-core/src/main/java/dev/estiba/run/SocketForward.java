package dev.estiba.run;

import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Unix-domain socket that forwards every connection to another one, so a step can reach a host
 * socket (an SSH agent) through a socket of its own with the owner and mode the step asks for;
 * bind it into the step with a {@link MountSpec.Bind}. Closing it stops listening, cuts open
 * connections and deletes the socket file.
 */
public final class SocketForward implements Closeable {
  private final Path socket;
  private final Path upstream;
  private final ServerSocketChannel server;
  private final List<SocketChannel> open = new CopyOnWriteArrayList<>();

  private SocketForward(Path socket, Path upstream, ServerSocketChannel server) {
    this.socket = socket;
    this.upstream = upstream;
    this.server = server;
  }

  /**
   * Listens on {@code socket} (a new path, at most 107 bytes long) owned by {@code uid:gid} with
   * permission bits {@code mode}, forwarding to {@code upstream}.
   */
  public static SocketForward start(Path upstream, Path socket, int uid, int gid, int mode)
      throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      server.bind(UnixDomainSocketAddress.of(socket));
      Files.setAttribute(socket, "unix:mode", mode & 07777);
      Files.setAttribute(socket, "unix:uid", uid);
      Files.setAttribute(socket, "unix:gid", gid);
    } catch (IOException | RuntimeException e) {
      server.close();
      Files.deleteIfExists(socket);
      throw e;
    }
    SocketForward forward = new SocketForward(socket, upstream, server);
    daemon(forward::accept, "estiba-socket-accept").start();
    return forward;
  }

  /** The listening socket's path. */
  public Path socket() {
    return socket;
  }

  private void accept() {
    while (server.isOpen()) {
      SocketChannel client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      open.add(client);
      try {
        SocketChannel target = SocketChannel.open(UnixDomainSocketAddress.of(upstream));
        open.add(target);
        daemon(() -> pump(client, target), "estiba-socket-up").start();
        daemon(() -> pump(target, client), "estiba-socket-down").start();
      } catch (IOException e) {
        // The upstream is gone: the step sees its connection closed.
        closeQuietly(client);
      }
    }
  }

  /** Copies until end of stream, then half-closes the other side so replies still flow. */
  private void pump(SocketChannel from, SocketChannel to) {
    ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
    try {
      while (from.read(buffer) >= 0) {
        buffer.flip();
        while (buffer.hasRemaining()) {
          to.write(buffer);
        }
        buffer.clear();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (SocketChannel channel : open) {
      closeQuietly(channel);
    }
    Files.deleteIfExists(socket);
  }

  private static Thread daemon(Runnable body, String name) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Already closed.
    }
  }
}
