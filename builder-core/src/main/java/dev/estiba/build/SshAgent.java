package dev.estiba.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * An SSH agent socket that {@code RUN --mount=type=ssh} steps may use, given with {@code --ssh}. Steps reach it
 * through a socket of their own that forwards each connection, so the agent's keys never enter the build.
 *
 * @param id     the id steps name it by ({@code default} unless given)
 * @param socket the agent's Unix-domain socket
 */
public record SshAgent(String id, Path socket) {
    /**
     * Parses buildx's {@code --ssh} syntax, {@code ID[=SOCKET]}: without a socket, {@code SSH_AUTH_SOCK} from
     * {@code environment}. estiba forwards agent sockets; key files (which buildx loads into an agent of its own)
     * are refused with a message saying so.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static SshAgent parse(String spec, Map<String, String> environment) {
        int eq = spec.indexOf('=');
        String id = eq < 0 ? spec : spec.substring(0, eq);
        String path = eq < 0 ? "" : spec.substring(eq + 1);
        if (id.isEmpty()) {
            throw new IllegalArgumentException("--ssh " + spec + ": an id is required (default or ID=SOCKET)");
        }
        if (path.contains(",")) {
            throw new IllegalArgumentException("--ssh " + spec + ": estiba forwards one agent socket per id");
        }
        if (path.isEmpty()) {
            path = environment.getOrDefault("SSH_AUTH_SOCK", "");
            if (path.isEmpty()) {
                throw new IllegalArgumentException("--ssh " + spec
                    + ": invalid empty ssh agent socket: make sure SSH_AUTH_SOCK is set");
            }
        }
        Path socket = Path.of(path);
        int mode;
        try {
            mode = (Integer) Files.getAttribute(socket, "unix:mode");
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("--ssh " + spec + ": " + path + ": no such socket", e);
        }
        if ((mode & 0170000) != 0140000) {
            throw new IllegalArgumentException("--ssh " + spec + ": " + path + " is not a socket: estiba forwards "
                + "an agent's socket (start ssh-agent and add the key with ssh-add); key files are not supported");
        }
        return new SshAgent(id, socket);
    }

    /** Whether the socket is still there. */
    boolean present() {
        return Files.exists(socket, LinkOption.NOFOLLOW_LINKS);
    }
}
