package dev.estiba.cli;

import dev.estiba.grammar.DockerfileParseException;
import dev.estiba.lint.FileResult;
import dev.estiba.lint.LabelType;
import dev.estiba.lint.LintConfig;
import dev.estiba.lint.LintConfigException;
import dev.estiba.lint.LintConfigFile;
import dev.estiba.lint.Linter;
import dev.estiba.lint.RuleCatalog;
import dev.estiba.lint.Severity;
import dev.estiba.lint.fix.Fixer;
import dev.estiba.lint.fix.UnifiedDiff;
import dev.estiba.lint.report.ReportFormat;
import dev.estiba.lint.rules.ShellCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code estiba lint}: BuildKit checks, hadolint rules and ShellCheck over Dockerfiles, with hadolint's flags.
 *
 * <p>The command's model is built by {@link #describe(CommandSpec)} through picocli's programmatic API, not from
 * annotated fields: linting one file is mostly JVM and picocli start-up, and reading option annotations by
 * reflection (annotation proxies, generic field types, field accessors) was the largest part of it. The
 * {@code @Command} annotation only gives the name and the model transformer, so {@code new CommandLine(new LintCommand())}
 * gets the same model as {@link Estiba#commandLine(String...)}, which builds it without any reflection.
 */
@Command(name = LintCommand.NAME, modelTransformer = LintCommand.Model.class)
public final class LintCommand implements Callable<Integer> {
    /** The subcommand's name. */
    static final String NAME = "lint";

    CommandSpec spec;

    /** Applies {@link #describe(CommandSpec)} to the annotated (empty) model of a {@code LintCommand}. */
    static final class Model implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return describe(spec);
        }
    }

    /** A {@code lint} command line over this command object, built without reflection. */
    static CommandSpec spec(LintCommand command) {
        return describe(CommandSpec.wrapWithoutInspection(command));
    }

    /** Adds the lint command's name, help, options and parameters to {@code spec}, whose user object is a LintCommand. */
    static CommandSpec describe(CommandSpec spec) {
        ((LintCommand) spec.userObject()).spec = spec;
        spec.name(NAME).versionProvider(new VersionProvider());
        spec.usageMessage().sortOptions(false).description(
            "Lint Dockerfiles: BuildKit's build checks, hadolint's DL rules and ShellCheck (when installed).",
            "Exit status: 0 nothing at or above the failure threshold, 1 something is, 2 usage or parse error.");
        spec.addPositional(PositionalParamSpec.builder().paramLabel("FILE").arity("0..*").index("0..*")
            .type(List.class).auxiliaryTypes(String.class)
            .description("Dockerfiles, globs (quoted) or - for standard input (default: Dockerfile).").build());
        option(spec, String.class, "FORMAT", "text (default), json, sarif, checkstyle, github, gitlab, junit; tty and"
            + " gitlab_codeclimate are accepted.", "-f", "--format");
        option(spec, Path.class, "FILE", "Configuration file (default: .estiba.yaml, then .hadolint.yaml, then"
            + " hadolint's per-user places).", "-c", "--config");
        list(spec, "--ignore", "RULE", "Ignore a rule (repeatable); replaces the configuration's list.");
        list(spec, "--error", "RULE", "Report a rule as error (repeatable).");
        list(spec, "--warning", "RULE", "Report a rule as warning (repeatable).");
        list(spec, "--info", "RULE", "Report a rule as info (repeatable).");
        list(spec, "--style", "RULE", "Report a rule as style (repeatable).");
        list(spec, "--trusted-registry", "REGISTRY", "Allowed FROM registry, globs such as *.gcr.io (repeatable; turns on DL3026).");
        list(spec, "--require-label", "NAME:FORMAT", "Required label and its format: text, url, semver, hash, rfc3339,"
            + " spdx, email (repeatable).");
        flag(spec, "--strict-labels", "Report labels not in the label schema (DL3050).");
        flag(spec, "--disable-ignore-pragma", "Disregard inline ignore pragmas.");
        option(spec, String.class, "LEVEL", "Fail when a finding reaches: error, warning, info (default), style,"
            + " ignore or none.", "-t", "--failure-threshold");
        flag(spec, "--no-fail", "Exit 0 whatever is found (parse errors still exit 2).");
        flag(spec, "--no-color", "No colour in text output (also when NO_COLOR is set or output is not a terminal).");
        flag(spec, "--no-shellcheck", "Do not run ShellCheck even when it is installed.");
        flag(spec, "--fix", "Apply the fixes that cannot change the build (casing, legacy ENV/LABEL, MAINTAINER,"
            + " redundant --platform), then report what is left.");
        flag(spec, "--dry-run", "With --fix: print the changes as a unified diff and write nothing.");
        // mixinStandardHelpOptions's two options, with its words, built here: the mixin is read by reflection.
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
            .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
            .description("Print version information and exit.").build());
        return spec;
    }

    private static void option(CommandSpec spec, Class<?> type, String label, String description, String... names) {
        spec.addOption(OptionSpec.builder(names).type(type).paramLabel(label).description(description).build());
    }

    private static void list(CommandSpec spec, String name, String label, String description) {
        spec.addOption(OptionSpec.builder(name).type(List.class).auxiliaryTypes(String.class).paramLabel(label)
            .description(description).build());
    }

    private static void flag(CommandSpec spec, String name, String description) {
        spec.addOption(OptionSpec.builder(name).type(boolean.class).description(description).build());
    }

    // The parsed values, read from the parse result when the command runs.
    private List<String> files;
    private String format;
    private Path config;
    private List<String> ignore;
    private List<String> error;
    private List<String> warning;
    private List<String> info;
    private List<String> style;
    private List<String> trustedRegistries;
    private List<String> requireLabels;
    private boolean strictLabels;
    private boolean disableIgnorePragma;
    private String failureThreshold;
    private boolean noFail;
    private boolean noColor;
    private boolean noShellcheck;
    private boolean fix;
    private boolean dryRun;

    private void readArguments() {
        ParseResult r = spec.commandLine().getParseResult();
        files = r.matchedPositionalValue(0, List.of());
        format = r.matchedOptionValue("--format", null);
        config = r.matchedOptionValue("--config", null);
        ignore = r.matchedOptionValue("--ignore", List.of());
        error = r.matchedOptionValue("--error", List.of());
        warning = r.matchedOptionValue("--warning", List.of());
        info = r.matchedOptionValue("--info", List.of());
        style = r.matchedOptionValue("--style", List.of());
        trustedRegistries = r.matchedOptionValue("--trusted-registry", List.of());
        requireLabels = r.matchedOptionValue("--require-label", List.of());
        strictLabels = r.matchedOptionValue("--strict-labels", false);
        disableIgnorePragma = r.matchedOptionValue("--disable-ignore-pragma", false);
        failureThreshold = r.matchedOptionValue("--failure-threshold", null);
        noFail = r.matchedOptionValue("--no-fail", false);
        noColor = r.matchedOptionValue("--no-color", false);
        noShellcheck = r.matchedOptionValue("--no-shellcheck", false);
        fix = r.matchedOptionValue("--fix", false);
        dryRun = r.matchedOptionValue("--dry-run", false);
    }

    @Override
    public Integer call() throws IOException {
        readArguments();
        LintConfig cfg = configuration();
        ReportFormat fmt;
        try {
            fmt = ReportFormat.parse(format != null ? format : System.getenv().getOrDefault("HADOLINT_FORMAT", "text"));
        } catch (IllegalArgumentException e) {
            throw new InputException("estiba lint: " + e.getMessage());
        }
        Map<String, String> inputs = readInputs();
        if (dryRun && !fix) {
            throw new InputException("estiba lint: --dry-run needs --fix");
        }
        if (fix) {
            StringBuilder diff = new StringBuilder();
            for (Map.Entry<String, String> in : inputs.entrySet()) {
                String fixed = fixed(in.getKey(), in.getValue());
                if (dryRun) {
                    diff.append(UnifiedDiff.of(in.getKey(), in.getValue(), fixed));
                } else if (!fixed.equals(in.getValue())) {
                    if (in.getKey().equals("-")) {
                        throw new InputException("estiba lint: --fix cannot write standard input; use --fix --dry-run");
                    }
                    writeAtomically(Path.of(in.getKey()), fixed);
                    in.setValue(fixed);
                }
            }
            if (dryRun) {
                spec.commandLine().getOut().print(diff);
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
        }
        Linter linter = new Linter(cfg, noShellcheck ? null : ShellCheck.find());
        List<FileResult> results = new ArrayList<>();
        for (Map.Entry<String, String> in : inputs.entrySet()) {
            Path context = in.getKey().equals("-") ? null : Path.of(in.getKey()).toAbsolutePath().getParent();
            results.add(linter.lint(in.getKey(), in.getValue(), context));
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean color = fmt == ReportFormat.TEXT && !noColor && System.getenv("NO_COLOR") == null && System.console() != null;
        StringBuilder report = new StringBuilder();
        fmt.writer(color).write(results, report);
        out.print(report);
        out.flush();
        boolean parseError = results.stream().flatMap(r -> r.findings().stream())
            .anyMatch(f -> f.rule().equals(RuleCatalog.PARSE_ERROR));
        if (parseError) {
            return ExitCodes.USAGE;
        }
        boolean fails = results.stream().flatMap(r -> r.findings().stream()).anyMatch(f -> cfg.fails(f.severity()));
        return fails ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** The fixed text, or the text itself when it does not parse (the lint reports why). */
    private static String fixed(String name, String text) {
        try {
            return Fixer.fix(name, text);
        } catch (DockerfileParseException e) {
            return text;
        }
    }

    /** Writes beside the file under a temporary name, then renames over it. */
    private static void writeAtomically(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The configuration file (given or found), with the command line over it. */
    private LintConfig configuration() {
        LintConfig base = LintConfig.defaults();
        try {
            if (config != null) {
                if (!Files.isRegularFile(config)) {
                    throw new InputException("estiba lint: " + config + ": no such configuration file");
                }
                base = LintConfigFile.read(config, base);
            } else {
                var found = LintConfigFile.find(Path.of("").toAbsolutePath(), System.getenv(),
                    Path.of(System.getProperty("user.home")));
                if (found.isPresent()) {
                    base = LintConfigFile.read(found.get(), base);
                }
            }
            return overlay(base);
        } catch (LintConfigException | IllegalArgumentException e) {
            throw new InputException("estiba lint: " + e.getMessage(), e);
        }
    }

    private LintConfig overlay(LintConfig base) {
        Set<String> ignored = ignore.isEmpty() ? base.ignored() : new LinkedHashSet<>(ignore);
        Map<String, Severity> overrides = new HashMap<>(base.overrides());
        error.forEach(r -> overrides.put(r, Severity.ERROR));
        warning.forEach(r -> overrides.put(r, Severity.WARNING));
        info.forEach(r -> overrides.put(r, Severity.INFO));
        style.forEach(r -> overrides.put(r, Severity.STYLE));
        List<String> trusted = new ArrayList<>(base.trustedRegistries());
        trusted.addAll(trustedRegistries);
        Map<String, LabelType> schema = new LinkedHashMap<>(base.labelSchema());
        for (String l : requireLabels) {
            int colon = l.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--require-label " + l + ": expected NAME:FORMAT");
            }
            schema.put(l.substring(0, colon), LabelType.parse(l.substring(colon + 1)));
        }
        Severity threshold = failureThreshold == null ? base.failureThreshold() : LintConfigFile.threshold(failureThreshold);
        return new LintConfig(ignored, overrides, threshold, trusted, schema, base.strictLabels() || strictLabels,
            base.disableIgnorePragma() || disableIgnorePragma, base.noFail() || noFail || System.getenv("HADOLINT_NOFAIL") != null);
    }

    /** File name to text, in the order given; globs expanded, {@code -} read from standard input. */
    private Map<String, String> readInputs() throws IOException {
        List<String> names = files.isEmpty() ? List.of("Dockerfile") : files;
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : names) {
            if (name.equals("-")) {
                out.put("-", new String(stdin.readAllBytes(), StandardCharsets.UTF_8));
            } else if (Globs.isGlob(name)) {
                List<Path> matched = Globs.expand(name);
                if (matched.isEmpty()) {
                    throw new InputException("estiba lint: " + name + ": no file matches");
                }
                for (Path p : matched) {
                    out.put(p.toString(), read(p.toString()));
                }
            } else {
                out.put(name, read(name));
            }
        }
        return out;
    }

    private static String read(String name) throws IOException {
        Path p = Path.of(name);
        if (!Files.isRegularFile(p)) {
            throw new InputException("estiba lint: " + name + ": no such file");
        }
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }

    /** Standard input; tests replace it. */
    InputStream stdin = System.in;
}
