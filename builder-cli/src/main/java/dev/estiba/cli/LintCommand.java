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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code estiba lint}: BuildKit checks, hadolint rules and ShellCheck over Dockerfiles, with hadolint's flags. */
@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
    description = {"Lint Dockerfiles: BuildKit's build checks, hadolint's DL rules and ShellCheck (when installed).",
        "Exit status: 0 nothing at or above the failure threshold, 1 something is, 2 usage or parse error."})
public final class LintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Dockerfiles, globs (quoted) or - for standard input (default: Dockerfile).")
    List<String> files = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
        description = "text (default), json, sarif, checkstyle, github, gitlab, junit; tty and gitlab_codeclimate are accepted.")
    String format;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
        description = "Configuration file (default: .estiba.yaml, then .hadolint.yaml, then hadolint's per-user places).")
    Path config;

    @Option(names = "--ignore", paramLabel = "RULE", description = "Ignore a rule (repeatable); replaces the configuration's list.")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--error", paramLabel = "RULE", description = "Report a rule as error (repeatable).")
    List<String> error = new ArrayList<>();

    @Option(names = "--warning", paramLabel = "RULE", description = "Report a rule as warning (repeatable).")
    List<String> warning = new ArrayList<>();

    @Option(names = "--info", paramLabel = "RULE", description = "Report a rule as info (repeatable).")
    List<String> info = new ArrayList<>();

    @Option(names = "--style", paramLabel = "RULE", description = "Report a rule as style (repeatable).")
    List<String> style = new ArrayList<>();

    @Option(names = "--trusted-registry", paramLabel = "REGISTRY", description = "Allowed FROM registry, globs such as *.gcr.io (repeatable; turns on DL3026).")
    List<String> trustedRegistries = new ArrayList<>();

    @Option(names = "--require-label", paramLabel = "NAME:FORMAT", description = "Required label and its format: text, url, semver, hash, rfc3339, spdx, email (repeatable).")
    List<String> requireLabels = new ArrayList<>();

    @Option(names = "--strict-labels", description = "Report labels not in the label schema (DL3050).")
    boolean strictLabels;

    @Option(names = "--disable-ignore-pragma", description = "Disregard inline ignore pragmas.")
    boolean disableIgnorePragma;

    @Option(names = {"-t", "--failure-threshold"}, paramLabel = "LEVEL",
        description = "Fail when a finding reaches: error, warning, info (default), style, ignore or none.")
    String failureThreshold;

    @Option(names = "--no-fail", description = "Exit 0 whatever is found (parse errors still exit 2).")
    boolean noFail;

    @Option(names = "--no-color", description = "No colour in text output (also when NO_COLOR is set or output is not a terminal).")
    boolean noColor;

    @Option(names = "--no-shellcheck", description = "Do not run ShellCheck even when it is installed.")
    boolean noShellcheck;

    @Option(names = "--fix", description = "Apply the fixes that cannot change the build (casing, legacy ENV/LABEL,"
        + " MAINTAINER, redundant --platform), then report what is left.")
    boolean fix;

    @Option(names = "--dry-run", description = "With --fix: print the changes as a unified diff and write nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws IOException {
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
