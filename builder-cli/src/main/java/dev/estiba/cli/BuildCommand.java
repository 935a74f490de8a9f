package dev.estiba.cli;

import dev.estiba.build.Build;
import dev.estiba.build.BuildException;
import dev.estiba.build.BuildResult;
import dev.estiba.build.CacheSpec;
import dev.estiba.build.Output;
import dev.estiba.context.ContextArchiveException;
import dev.estiba.context.StdinContext;
import dev.estiba.format.AtomicOutput;
import dev.estiba.layer.compress.CompressionChoice;
import dev.estiba.lint.FileResult;
import dev.estiba.plan.Platform;
import dev.estiba.registry.RegistryClient;
import dev.estiba.registry.RegistryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code estiba build}: a thin shell over {@link Build}. */
@Command(name = "build", mixinStandardHelpOptions = true,
    description = {"Build an image from a Dockerfile, daemonless and reproducible (see docs/build.md)."})
final class BuildCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
        description = "The Dockerfile (default: CONTEXT/Dockerfile; - reads it from stdin).")
    Path file;

    @Option(names = {"-t", "--tag"}, paramLabel = "NAME[:TAG]", description = "Name the image in the local store.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--build-arg", paramLabel = "NAME[=VALUE]",
        description = "A build argument; NAME alone takes the value from the environment (skipped when unset).")
    List<String> buildArgs = new ArrayList<>();

    @Option(names = "--target", paramLabel = "STAGE", description = "The stage to build (default: the last).")
    String target;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", description = "The target platform.")
    String platform;

    @Option(names = {"-o", "--output"}, paramLabel = "SPEC",
        description = "type=oci|oci-archive|docker|local|tar,dest=PATH or type=registry,name=REF (repeatable); "
            + "default: the local store only.")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--cache-to", paramLabel = "type=registry,ref=REF[,mode=min|max]",
        description = "Export the step cache to a registry after the build (repeatable; see docs/cache-remote.md).")
    List<String> cacheTo = new ArrayList<>();

    @Option(names = "--cache-from", paramLabel = "type=registry,ref=REF",
        description = "Use a registry cache on local misses (repeatable; a missing one is a warning).")
    List<String> cacheFrom = new ArrayList<>();

    @Option(names = "--no-cache", description = "Do not use cached step results.")
    boolean noCache;

    @Option(names = "--explain-cache", description = "Say for each step whether it hit the cache and what changed.")
    boolean explainCache;

    @Option(names = "--keep-mtimes", description = "Keep the context's file times in COPY and ADD layers.")
    boolean keepMtimes;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|plain|tty|json",
        description = "Progress output on stderr (default: ${DEFAULT-VALUE}).")
    BuildProgress.Mode progress;

    @Option(names = "--iidfile", paramLabel = "FILE", description = "Write the image id (config digest) here; the "
        + "manifest digest instead when the build pushes (--push, -o type=registry).")
    Path iidfile;

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "Add a label to the image.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--build-context", paramLabel = "NAME=SRC",
        description = "A named context: a directory, oci-layout://DIR[:TAG|@DIGEST], docker-archive://FILE.")
    List<String> buildContexts = new ArrayList<>();

    @Option(names = "--compression", defaultValue = "gzip", paramLabel = "gzip|zstd|none",
        description = "Layer compression (default: ${DEFAULT-VALUE}).")
    String compression;

    @Option(names = "--check", description = "Run the BuildKit build checks only: print the findings, build nothing; "
        + "exit 1 when there are findings.")
    boolean check;
    @Option(names = "--push", description = "Push the image to the registry of each -t name.")
    boolean push;

    @Option(names = "--pull", description = "Check the registry for each FROM image, even one already in the store.")
    boolean pull;

    @Option(names = "--metadata-file", paramLabel = "FILE",
        description = "Write containerimage.digest, containerimage.config.digest and image.name here as JSON.")
    Path metadataFile;
    @Option(names = "--network", defaultValue = "default", paramLabel = "default|none|host",
        description = "The network of RUN steps that name none (default: ${DEFAULT-VALUE}, the host's).")
    String network;

    @Option(names = "--isolation", paramLabel = "auto|runc|crun|chroot", defaultValue = "auto",
        description = "The backend of RUN steps (default: ${DEFAULT-VALUE}: runc, else crun, else chroot).")
    String isolation;

    @Option(names = "--allow", paramLabel = "ENTITLEMENT",
        description = "Grant an entitlement; only security.insecure (RUN --security=insecure).")
    List<String> allow = new ArrayList<>();

    @Option(names = "--secret", paramLabel = "id=ID[,src=FILE|,env=VAR]",
        description = "A secret for RUN --mount=type=secret (buildx syntax; type=file|env also accepted).")
    List<String> secrets = new ArrayList<>();

    @Option(names = "--ssh", paramLabel = "default|ID[=SOCKET]",
        description = "An SSH agent socket for RUN --mount=type=ssh (default: $SSH_AUTH_SOCK).")
    List<String> ssh = new ArrayList<>();

    @Mixin
    CacheDirOption cache;

    @Mixin
    RegistryFlags registry;

    @Parameters(index = "0", paramLabel = "CONTEXT",
        description = "The build context directory, or - for a tar (or a Dockerfile alone) on stdin.")
    String context;

    /** Standard input: a context tar or a Dockerfile for {@code -}, a Dockerfile for {@code -f -}. */
    java.io.InputStream stdin = System.in;

    @Override
    public Integer call() {
        Path cacheRoot = cache.root();
        boolean dockerfileOnStdin = file != null && file.toString().equals("-");
        if (dockerfileOnStdin && "-".equals(context)) {
            throw new InputException(
                "estiba build: invalid argument: can't use stdin for both build context and dockerfile");
        }
        // Whatever came on standard input is unpacked into a temporary directory, removed when the build ends.
        try (StdinContext piped = "-".equals(context) || dockerfileOnStdin ? readStdin(cacheRoot, dockerfileOnStdin)
                : null) {
            Path ctx = piped == null || dockerfileOnStdin ? Path.of(context) : piped.directory();
            Path dockerfile = piped != null && (dockerfileOnStdin || file == null) ? piped.dockerfile()
                : file != null ? file : ctx.resolve("Dockerfile");
            return build(cacheRoot, ctx, dockerfile);
        } catch (IOException e) {
            throw Failures.of(e);
        }
    }

    private StdinContext readStdin(Path cacheRoot, boolean dockerfileOnly) {
        try {
            return dockerfileOnly ? StdinContext.dockerfile(stdin, tempParent(cacheRoot))
                : StdinContext.read(stdin, tempParent(cacheRoot), file != null);
        } catch (IOException | ContextArchiveException e) {
            throw new InputException("estiba build: " + e.getMessage(), e);
        }
    }

    private int build(Path cacheRoot, Path ctx, Path dockerfile) {
        Map<String, String> env = System.getenv();
        dev.estiba.build.BuildListener listener = listener();
        // On a terminal, pulls and pushes are bars in the live view; otherwise lines of their own.
        RegistryClient client = RegistryClient.create(registry.options(env), registry.credentials(env),
            listener instanceof TtyProgress tty ? tty.registryEvents()
                : new RegistryProgress(spec.commandLine().getErr(), progress == BuildProgress.Mode.json));
        Build b = Build.dockerfile(dockerfile).context(ctx).cacheDir(cacheRoot)
            .listener(listener).registry(client);
        if (pull) {
            b.alwaysPull();
        }
        List<String> pushTo = new ArrayList<>();
        if (push) {
            if (tags.isEmpty()) {
                throw new InputException("estiba build: --push needs a -t name to push to");
            }
            pushTo.addAll(tags);
        }
        try {
            for (String a : buildArgs) {
                int eq = a.indexOf('=');
                if (eq < 0) {
                    String v = System.getenv(a);
                    if (v != null) {
                        b.buildArg(a, v);
                    }
                } else {
                    b.buildArg(a.substring(0, eq), a.substring(eq + 1));
                }
            }
            for (String l : labels) {
                int eq = l.indexOf('=');
                b.label(eq < 0 ? l : l.substring(0, eq), eq < 0 ? "" : l.substring(eq + 1));
            }
            for (String c : buildContexts) {
                int eq = c.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("invalid --build-context \"" + c + "\": expected NAME=SRC");
                }
                b.buildContext(c.substring(0, eq), c.substring(eq + 1));
            }
            for (String o : outputs) {
                List<String> names = RegistryOutput.names(o);
                if (names != null) {
                    pushTo.addAll(names);
                } else {
                    b.output(Output.parse(o));
                }
            }
            for (String c : cacheTo) {
                b.cacheTo(CacheSpec.parse(c, true));
            }
            for (String c : cacheFrom) {
                b.cacheFrom(CacheSpec.parse(c, false));
            }
            tags.forEach(b::tag);
            if (target != null) {
                b.target(target);
            }
            if (platform != null) {
                b.platform(Platform.parse(platform));
            }
            b.compression(CompressionChoice.parse(compression).compression());
            b.network(dev.estiba.run.NetworkMode.parse(network));
            b.isolation(dev.estiba.run.Isolation.parse(isolation));
            for (String a : allow) {
                if (!a.equals("security.insecure")) {
                    throw new IllegalArgumentException("unknown entitlement '" + a + "' (expected security.insecure)");
                }
                b.allowInsecure();
            }
            for (String sec : secrets) {
                b.secret(dev.estiba.build.BuildSecret.parse(sec, env));
            }
            for (String agent : ssh) {
                b.ssh(dev.estiba.build.SshAgent.parse(agent, env));
            }
        } catch (IllegalArgumentException e) {
            throw new InputException("estiba build: " + e.getMessage(), e);
        }
        if (noCache) {
            b.noCache();
        }
        if (keepMtimes) {
            b.keepMtimes();
        }
        if (check) {
            return checkOnly(b);
        }
        try {
            BuildResult r = b.run();
            if (!pushTo.isEmpty()) {
                RegistryOutput.push(client, cacheRoot, r.manifestDigest(), pushTo);
            }
            if (iidfile != null) {
                // A pushed image is known by its registry (manifest) digest, which pull and inspect show; a local
                // one by its id, as docker build writes it.
                String id = (pushTo.isEmpty() ? r.imageId() : r.manifestDigest()).toString();
                AtomicOutput.write(iidfile, id.getBytes(StandardCharsets.UTF_8));
            }
            if (metadataFile != null) {
                RegistryOutput.writeMetadata(metadataFile, r, pushTo.isEmpty() ? tags : pushTo);
            }
            spec.commandLine().getOut().println(r.manifestDigest());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        } catch (BuildException e) {
            throw new CommandFailure(e.render(), e);
        } catch (RegistryException e) {
            throw new CommandFailure("estiba build: " + e.getMessage(), e);
        } catch (IOException e) {
            throw Failures.of(e);
        }
    }

    private int checkOnly(Build b) {
        try {
            FileResult r = b.check();
            var out = spec.commandLine().getOut();
            CheckSummary.full(r, out);
            out.flush();
            return r.findings().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
        } catch (BuildException e) {
            throw new CommandFailure(e.render(), e);
        } catch (IOException e) {
            throw Failures.of(e);
        }
    }

    /** tty on a terminal (for auto), plain or json otherwise; --explain-cache needs the line renderers. */
    private dev.estiba.build.BuildListener listener() {
        var err = spec.commandLine().getErr();
        boolean tty = progress == BuildProgress.Mode.tty
            || (progress == BuildProgress.Mode.auto && System.console() != null && !explainCache);
        return tty ? new TtyProgress(err) : new BuildProgress(err, progress, explainCache);
    }

    private static Path tempParent(Path cacheRoot) throws IOException {
        Path dir = cacheRoot.resolve("tmp");
        Files.createDirectories(dir);
        return dir;
    }
}
