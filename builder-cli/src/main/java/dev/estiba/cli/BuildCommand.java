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
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code estiba build}: a thin shell over {@link Build}.
 *
 * <p>As for {@link LintCommand}, the model is built in code by {@link #describe(CommandSpec)}, not read from option
 * annotations by reflection: a warm rebuild (every step a cache hit) is mostly JVM start-up, and reflecting over
 * this command's 30 options and its mixins was a visible part of it.
 */
@Command(name = BuildCommand.NAME, modelTransformer = BuildCommand.Model.class)
final class BuildCommand implements Callable<Integer> {
    /** The subcommand's name. */
    static final String NAME = "build";

    CommandSpec spec;

    /** Applies {@link #describe(CommandSpec)} to the annotated (empty) model of a {@code BuildCommand}. */
    static final class Model implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return describe(spec);
        }
    }

    /** A {@code build} command line over this command object, built without reflection. */
    static CommandSpec spec(BuildCommand command) {
        return describe(CommandSpec.wrapWithoutInspection(command));
    }

    /** Adds the build command's name, help, options and parameter to {@code spec}, whose user object is a BuildCommand. */
    static CommandSpec describe(CommandSpec spec) {
        ((BuildCommand) spec.userObject()).spec = spec;
        spec.name(NAME);
        spec.usageMessage().description("Build an image from a Dockerfile, daemonless and reproducible (see docs/build.md).");
        option(spec, Path.class, "FILE", "The Dockerfile (default: CONTEXT/Dockerfile; - reads it from stdin).",
            "-f", "--file");
        list(spec, String.class, "NAME[:TAG]", "Name the image in the local store.", "-t", "--tag");
        list(spec, String.class, "NAME[=VALUE]",
            "A build argument; NAME alone takes the value from the environment (skipped when unset).", "--build-arg");
        option(spec, String.class, "STAGE", "The stage to build (default: the last).", "--target");
        option(spec, String.class, "OS/ARCH[/VARIANT]", "The target platform.", "--platform");
        list(spec, String.class, "SPEC", "type=oci|oci-archive|docker|local|tar,dest=PATH or type=registry,name=REF"
            + " (repeatable); default: the local store only.", "-o", "--output");
        list(spec, String.class, "type=registry,ref=REF[,mode=min|max]",
            "Export the step cache to a registry after the build (repeatable; see docs/cache-remote.md).", "--cache-to");
        list(spec, String.class, "type=registry,ref=REF",
            "Use a registry cache on local misses (repeatable; a missing one is a warning).", "--cache-from");
        flag(spec, "--no-cache", "Do not use cached step results.");
        flag(spec, "--explain-cache", "Say for each step whether it hit the cache and what changed.");
        flag(spec, "--keep-mtimes", "Keep the context's file times in COPY and ADD layers.");
        spec.addOption(OptionSpec.builder("--progress").type(BuildProgress.Mode.class).defaultValue("auto")
            .paramLabel("auto|plain|tty|json").description("Progress output on stderr (default: ${DEFAULT-VALUE}).")
            .build());
        option(spec, Path.class, "FILE", "Write the image id (config digest) here; the manifest digest instead when"
            + " the build pushes (--push, -o type=registry).", "--iidfile");
        list(spec, String.class, "KEY=VALUE", "Add a label to the image.", "--label");
        list(spec, String.class, "NAME=SRC",
            "A named context: a directory, oci-layout://DIR[:TAG|@DIGEST], docker-archive://FILE.", "--build-context");
        defaulted(spec, "--compression", "gzip", "gzip|zstd|none", "Layer compression (default: ${DEFAULT-VALUE}).");
        flag(spec, "--check", "Run the BuildKit build checks only: print the findings, build nothing; exit 1 when"
            + " there are findings.");
        flag(spec, "--push", "Push the image to the registry of each -t name.");
        flag(spec, "--pull", "Check the registry for each FROM image, even one already in the store.");
        option(spec, Path.class, "FILE",
            "Write containerimage.digest, containerimage.config.digest and image.name here as JSON.", "--metadata-file");
        defaulted(spec, "--network", "default", "default|none|host",
            "The network of RUN steps that name none (default: ${DEFAULT-VALUE}, the host's).");
        defaulted(spec, "--isolation", "auto", "auto|runc|crun|chroot",
            "The backend of RUN steps (default: ${DEFAULT-VALUE}: runc, else crun, else chroot).");
        list(spec, String.class, "ENTITLEMENT", "Grant an entitlement; only security.insecure (RUN --security=insecure).",
            "--allow");
        list(spec, String.class, "id=ID[,src=FILE|,env=VAR]",
            "A secret for RUN --mount=type=secret (buildx syntax; type=file|env also accepted).", "--secret");
        list(spec, String.class, "default|ID[=SOCKET]",
            "An SSH agent socket for RUN --mount=type=ssh (default: $SSH_AUTH_SOCK).", "--ssh");
        // CacheDirOption's and RegistryFlags's options, with their words (both are read by reflection as mixins).
        option(spec, String.class, "DIR", "Cache and local image store (default: $ESTIBA_CACHE, else"
            + " $XDG_CACHE_HOME/estiba, else ~/.cache/estiba).", "--cache-dir");
        list(spec, String.class, "HOST[:PORT]",
            "Allow plain HTTP and skip TLS certificate checks for this registry (repeatable).", "--insecure-registry");
        option(spec, Path.class, "FILE", "Also trust the CA certificates in this PEM file.", "--tls-ca-cert");
        list(spec, Path.class, "DIR", "Per-registry CA directories laid out as DIR/HOST:PORT/*.crt (repeatable;"
            + " default /etc/docker/certs.d and /etc/containers/certs.d).", "--certs-dir");
        option(spec, Path.class, "DIR",
            "Docker client config directory holding config.json (default $DOCKER_CONFIG or ~/.docker).", "--config");
        // mixinStandardHelpOptions's two options, with its words.
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
            .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
            .description("Print version information and exit.").build());
        spec.addPositional(PositionalParamSpec.builder().index("0").required(true).type(String.class).paramLabel("CONTEXT")
            .description("The build context directory, or - for a tar (or a Dockerfile alone) on stdin.").build());
        return spec;
    }

    private static void option(CommandSpec spec, Class<?> type, String label, String description, String... names) {
        spec.addOption(OptionSpec.builder(names).type(type).paramLabel(label).description(description).build());
    }

    private static void defaulted(CommandSpec spec, String name, String value, String label, String description) {
        spec.addOption(OptionSpec.builder(name).type(String.class).defaultValue(value).paramLabel(label)
            .description(description).build());
    }

    private static void list(CommandSpec spec, Class<?> element, String label, String description, String... names) {
        spec.addOption(OptionSpec.builder(names).type(List.class).auxiliaryTypes(element).paramLabel(label)
            .description(description).build());
    }

    private static void flag(CommandSpec spec, String name, String description) {
        spec.addOption(OptionSpec.builder(name).type(boolean.class).description(description).build());
    }

    // The parsed values, read from the parse result when the command runs.
    Path file;
    List<String> tags = new ArrayList<>();
    List<String> buildArgs = new ArrayList<>();
    String target;
    String platform;
    List<String> outputs = new ArrayList<>();
    List<String> cacheTo = new ArrayList<>();
    List<String> cacheFrom = new ArrayList<>();
    boolean noCache;
    boolean explainCache;
    boolean keepMtimes;
    BuildProgress.Mode progress;
    Path iidfile;
    List<String> labels = new ArrayList<>();
    List<String> buildContexts = new ArrayList<>();
    String compression;
    boolean check;
    boolean push;
    boolean pull;
    Path metadataFile;
    String network;
    String isolation;
    List<String> allow = new ArrayList<>();
    List<String> secrets = new ArrayList<>();
    List<String> ssh = new ArrayList<>();
    final CacheDirOption cache = new CacheDirOption();
    final RegistryFlags registry = new RegistryFlags();
    String context;

    private void readArguments() {
        ParseResult r = spec.commandLine().getParseResult();
        file = r.matchedOptionValue("--file", null);
        tags = new ArrayList<>(r.matchedOptionValue("--tag", List.<String>of()));
        buildArgs = r.matchedOptionValue("--build-arg", List.of());
        target = r.matchedOptionValue("--target", null);
        platform = r.matchedOptionValue("--platform", null);
        outputs = r.matchedOptionValue("--output", List.of());
        cacheTo = r.matchedOptionValue("--cache-to", List.of());
        cacheFrom = r.matchedOptionValue("--cache-from", List.of());
        noCache = r.matchedOptionValue("--no-cache", false);
        explainCache = r.matchedOptionValue("--explain-cache", false);
        keepMtimes = r.matchedOptionValue("--keep-mtimes", false);
        progress = r.matchedOptionValue("--progress", BuildProgress.Mode.auto);
        iidfile = r.matchedOptionValue("--iidfile", null);
        labels = r.matchedOptionValue("--label", List.of());
        buildContexts = r.matchedOptionValue("--build-context", List.of());
        compression = r.matchedOptionValue("--compression", "gzip");
        check = r.matchedOptionValue("--check", false);
        push = r.matchedOptionValue("--push", false);
        pull = r.matchedOptionValue("--pull", false);
        metadataFile = r.matchedOptionValue("--metadata-file", null);
        network = r.matchedOptionValue("--network", "default");
        isolation = r.matchedOptionValue("--isolation", "auto");
        allow = r.matchedOptionValue("--allow", List.of());
        secrets = r.matchedOptionValue("--secret", List.of());
        ssh = r.matchedOptionValue("--ssh", List.of());
        cache.cacheDir = r.matchedOptionValue("--cache-dir", null);
        registry.insecureRegistries = new ArrayList<>(r.matchedOptionValue("--insecure-registry", List.<String>of()));
        registry.caCertificate = r.matchedOptionValue("--tls-ca-cert", null);
        registry.certsDirectories = new ArrayList<>(r.matchedOptionValue("--certs-dir", List.<Path>of()));
        registry.dockerConfig = r.matchedOptionValue("--config", null);
        context = r.matchedPositionalValue(0, null);
    }

    /** Standard input: a context tar or a Dockerfile for {@code -}, a Dockerfile for {@code -f -}. */
    java.io.InputStream stdin = System.in;

    @Override
    public Integer call() {
        readArguments();
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
        // Made when first used: a build whose images are all local never sets up a registry client.
        RegistryClient client = RegistryClient.lazy(() -> RegistryClient.create(registry.options(env),
            registry.credentials(env), listener instanceof TtyProgress tty ? tty.registryEvents()
                : new RegistryProgress(spec.commandLine().getErr(), progress == BuildProgress.Mode.json)));
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
                if (eq == 0 || a.isEmpty()) {
                    throw new InputException("estiba build: --build-arg " + a + ": the name is empty");
                }
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
