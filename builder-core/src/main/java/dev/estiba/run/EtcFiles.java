package dev.estiba.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the step's {@code /etc/hosts}, {@code /etc/resolv.conf} and {@code /etc/hostname} into its
 * state directory; backends bind them in, so they never enter the layer.
 */
final class EtcFiles {
  private static final Path HOST_RESOLV_CONF = Path.of("/etc/resolv.conf");

  private EtcFiles() {}

  static List<BoundFile> write(Path dir, ProcessSpec process) throws IOException {
    Path etc = Files.createDirectories(dir.resolve("etc"));
    String hostname = process.hostname();
    Path hosts = etc.resolve("hosts");
    Files.writeString(
        hosts,
        "127.0.0.1\tlocalhost\n"
            + "::1\tlocalhost ip6-localhost ip6-loopback\n"
            + "127.0.1.1\t" + hostname + "\n");
    Path resolv = etc.resolve("resolv.conf");
    // The host's resolvers: the default network is the host's, so they are reachable.
    Files.writeString(resolv, Files.isReadable(HOST_RESOLV_CONF) ? Files.readString(HOST_RESOLV_CONF) : "");
    Path hostnameFile = etc.resolve("hostname");
    Files.writeString(hostnameFile, hostname + "\n");
    return List.of(
        new BoundFile("/etc/hosts", hosts),
        new BoundFile("/etc/resolv.conf", resolv),
        new BoundFile("/etc/hostname", hostnameFile));
  }
}
