package dev.estiba.cli;

import dev.estiba.grammar.DockerfileParseException;
import dev.estiba.grammar.DockerfileParser;
import dev.estiba.grammar.tree.Dockerfile;
import dev.estiba.instructions.InstructionException;
import dev.estiba.plan.Plan;
import dev.estiba.plan.PlanException;
import dev.estiba.plan.PlanJson;
import dev.estiba.plan.PlanOptions;
import dev.estiba.plan.PlanText;
import dev.estiba.plan.Planner;
import dev.estiba.plan.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code estiba plan}: the resolved build plan of a Dockerfile, without building. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
        "Show how a Dockerfile would be built: stages in build order (pruned ones marked), each instruction",
        "with its arguments and flags expanded, the ARG and ENV values in scope, the build args used and",
        "unused, and the targets and args with their descriptions."})
public final class PlanCommand implements Callable<Integer> {
    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-f", "--file"}, paramLabel = "DOCKERFILE",
        description = "The Dockerfile (default: CONTEXT/Dockerfile; - reads standard input).")
    String file;

    @Option(names = "--build-arg", paramLabel = "NAME[=VALUE]",
        description = "A build argument; NAME alone takes the value from the environment (skipped when unset).")
    List<String> buildArgs = new ArrayList<>();

    @Option(names = "--target", paramLabel = "STAGE", description = "The stage to build (default: the last).")
    String target;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
        description = "The target platform (default: this machine's).")
    String platform;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
        description = "text (default) or json (see docs/plan.md).")
    Format format;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONTEXT", defaultValue = ".",
        description = "The build context directory (default: the current directory).")
    Path context;

    @Override
    public Integer call() {
        Dockerfile tree = read();
        PlanOptions options = PlanOptions.defaults().withBuildArgs(parseBuildArgs());
        if (target != null) {
            options = options.withTarget(target);
        }
        if (platform != null) {
            if (platform.contains(",")) {
                throw new InputException("estiba plan: --platform takes one platform, not a list: " + platform);
            }
            try {
                options = options.withTargetPlatform(Platform.parse(platform));
            } catch (IllegalArgumentException e) {
                throw new InputException("estiba plan: " + e.getMessage());
            }
        }
        Plan plan;
        try {
            plan = Planner.plan(tree, options);
        } catch (InstructionException | PlanException e) {
            throw new InputException(e.getMessage(), e);
        }
        var out = spec.commandLine().getOut();
        out.print(format == Format.json ? PlanJson.render(plan) + "\n" : PlanText.render(plan));
        out.flush();
        return ExitCodes.OK;
    }

    private Dockerfile read() {
        try {
            if ("-".equals(file)) {
                InputStream in = System.in;
                return DockerfileParser.parse("-", in);
            }
            Path path = file != null ? Path.of(file) : context.resolve("Dockerfile");
            if (!Files.isRegularFile(path)) {
                throw new InputException("estiba plan: " + path + ": no such file");
            }
            return DockerfileParser.parse(path);
        } catch (DockerfileParseException e) {
            throw new InputException(e.render(), e);
        } catch (IOException e) {
            throw new InputException("estiba plan: cannot read " + (file == null ? "Dockerfile" : file) + ": "
                + e.getMessage(), e);
        }
    }

    private Map<String, String> parseBuildArgs() {
        Map<String, String> args = new LinkedHashMap<>();
        for (String a : buildArgs) {
            int eq = a.indexOf('=');
            if (eq == 0) {
                throw new InputException("estiba plan: --build-arg " + a + ": the name is empty");
            }
            if (eq > 0) {
                args.put(a.substring(0, eq), a.substring(eq + 1));
            } else if (System.getenv(a) != null) {
                args.put(a, System.getenv(a));
            }
        }
        return args;
    }
}
