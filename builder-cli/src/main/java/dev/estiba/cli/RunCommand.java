package dev.estiba.cli;

import dev.estiba.files.FileTrees;
import dev.estiba.format.OpenedSource;
import dev.estiba.image.ExecutionConfig;
import dev.estiba.image.Image;
import dev.estiba.run.Isolation;
import dev.estiba.run.MountSpec;
import dev.estiba.run.NetworkMode;
import dev.estiba.run.ProcessSpec;
import dev.estiba.run.ResourceLimits;
import dev.estiba.run.RunException;
import dev.estiba.run.RunSpec;
import dev.estiba.run.SecurityMode;
import dev.estiba.run.StdStreams;
import dev.estiba.run.StepRunner;
import dev.estiba.run.Terminals;
import dev.estiba.run.diff.LowerView;
import dev.estiba.run.image.ImageCommandLine;
import dev.estiba.run.image.ImageUser;
import dev.estiba.run.image.LayerUnpacker;
import dev.estiba.run.rootfs.RootFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code estiba run IMAGE [CMD...]}: runs an image's process in an isolated container, no daemon. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run a command in a new container from an image and exit with its exit code.",
        "IMAGE is a name or id in the local store, or oci:DIR[:TAG], oci-archive:FILE[:TAG],"
            + " docker-archive:FILE[:NAME:TAG]."})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image.")
    String image;

    @Parameters(index = "1..*", paramLabel = "CMD", description = "Command and arguments (replace the image's CMD).")
    List<String> command = new ArrayList<>();

    @Option(names = {"-i", "--interactive"},
        description = "Keep standard input open (it is always passed through; accepted for docker's -i).")
    boolean interactive;

    @Option(names = {"-t", "--tty"}, description = "Give the process a terminal; standard input must be one.")
    boolean tty;

    @Option(names = "--rm", description = "Remove the container when it exits (always done: estiba keeps no containers).")
    boolean remove;

    @Option(names = {"-e", "--env"}, paramLabel = "K=V", description = "Set an environment variable (K alone: take it from here).")
    List<String> env = new ArrayList<>();

    @Option(names = {"-v", "--volume"}, paramLabel = "HOST:CTR[:ro]", description = "Bind a host file or directory.")
    List<String> volumes = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory inside the container.")
    String workdir;

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "name|uid[:group|gid] (default: the image's USER).")
    String user;

    @Option(names = "--network", paramLabel = "none|host|default", defaultValue = "default",
        description = "none: loopback only; host and default: the host's network (default: ${DEFAULT-VALUE}).")
    String network;

    @Option(names = "--isolation", paramLabel = "auto|runc|crun|chroot", defaultValue = "auto",
        description = "How to isolate the container (default: ${DEFAULT-VALUE}: runc, else crun, else chroot).")
    String isolation;

    @Option(names = "--entrypoint", paramLabel = "E", description = "Replace the image's ENTRYPOINT (and drop its CMD).")
    String entrypoint;

    @Option(names = "--hostname", paramLabel = "NAME", defaultValue = "estiba", description = "Host name (default: ${DEFAULT-VALUE}).")
    String hostname;

    @Mixin
    CacheDirOption cache;

    @Override
    public Integer call() {
        if (tty && !Terminals.isTerminal(0)) {
            throw new CommandFailure("estiba: the input device is not a TTY");
        }
        NetworkMode networkMode = parse(() -> NetworkMode.parse(network));
        Isolation isolationMode = parse(() -> Isolation.parse(isolation));
        List<MountSpec> mounts = new ArrayList<>();
        for (String volume : volumes) {
            mounts.add(volume(volume));
        }
        Path root = cache.root();
        Path container = null;
        try (OpenedSource opened = ImageLocator.open(image, cache)) {
            Image img = opened.only().image();
            ExecutionConfig config = img.config().value().config() == null
                ? ExecutionConfig.EMPTY : img.config().value().config();
            List<Path> lowers = LayerUnpacker.unpack(img, root.resolve("unpacked"));
            ImageUser resolved = ImageUser.resolve(user != null ? user : config.user(), new LowerView(lowers));
            String cwd = workdir != null ? workdir
                : config.workingDir() == null || config.workingDir().isEmpty() ? "/" : config.workingDir();
            ProcessSpec process = new ProcessSpec(
                ImageCommandLine.argv(config, entrypoint, command),
                terminalEnv(ImageCommandLine.env(config, environment())),
                cwd, resolved.uid(), resolved.gid(), resolved.additionalGids(), hostname, tty);
            Files.createDirectories(root.resolve("containers"));
            container = Files.createTempDirectory(root.resolve("containers"), "c-");
            Path upper = Files.createDirectory(container.resolve("upper"));
            StepRunner runner = StepRunner.create(root, isolationMode);
            RunSpec spec = new RunSpec(new RootFs.Layered(lowers, upper), process, mounts, networkMode,
                SecurityMode.SANDBOX, ResourceLimits.NONE);
            return runner.run(spec, new StdStreams(System.in, System.out, System.err)).result().exitCode();
        } catch (RunException e) {
            throw new CommandFailure("estiba: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InputException("estiba: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CommandFailure("estiba: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("estiba: interrupted", e);
        } finally {
            if (container != null) {
                try {
                    FileTrees.deleteTree(container);
                } catch (IOException e) {
                    System.err.println("estiba: cannot remove " + container + ": " + e.getMessage());
                }
            }
        }
    }

    /** With -t, TERM=xterm unless the image or -e sets TERM, as docker does. */
    private List<String> terminalEnv(List<String> env) {
        if (!tty || env.stream().anyMatch(e -> e.startsWith("TERM="))) {
            return env;
        }
        List<String> out = new ArrayList<>(env);
        out.add("TERM=xterm");
        return out;
    }

    private List<String> environment() {
        List<String> out = new ArrayList<>();
        for (String e : env) {
            int eq = e.indexOf('=');
            if (eq == 0) {
                throw new InputException("estiba: invalid environment variable \"" + e + "\"");
            }
            if (eq > 0) {
                out.add(e);
            } else if (System.getenv(e) != null) {
                out.add(e + "=" + System.getenv(e));
            }
        }
        return out;
    }

    private static MountSpec volume(String text) {
        String[] parts = text.split(":");
        if (parts.length < 2 || parts.length > 3 || (parts.length == 3 && !parts[2].equals("ro") && !parts[2].equals("rw"))) {
            throw new InputException("estiba: invalid volume \"" + text + "\" (expected HOST:CTR[:ro|rw])");
        }
        Path host = Path.of(parts[0]).toAbsolutePath();
        if (!Files.exists(host)) {
            throw new InputException("estiba: volume source " + host + " does not exist");
        }
        return parse(() -> new MountSpec.Bind(host, parts[1], parts.length == 3 && parts[2].equals("ro")));
    }

    private static <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new InputException("estiba: " + e.getMessage(), e);
        }
    }
}
