package dev.estiba.lint;

import dev.estiba.grammar.DockerfileParseException;
import dev.estiba.grammar.DockerfileParser;
import dev.estiba.grammar.tree.Directive;
import dev.estiba.grammar.tree.Dockerfile;
import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.Keyword;
import dev.estiba.lint.rules.Check;
import dev.estiba.lint.rules.Checks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lints Dockerfiles: parses, runs every check, then applies the configuration (ignored rules,
 * severity overrides), BuildKit's check directive and the ignore pragmas. A file that does not
 * parse gives one {@value RuleCatalog#PARSE_ERROR} finding at the error's position.
 */
public final class Linter {
    private final LintConfig config;
    private final List<Check> checks;
    private final Map<String, String> basePlatforms;

    /** A linter with the built-in checks, and ShellCheck when {@code shellcheck} is not null. */
    public Linter(LintConfig config, Path shellcheck) {
        this(config, Checks.all(shellcheck), Map.of());
    }

    /**
     * A linter with the given checks.
     *
     * @param basePlatforms platforms of base images already known (image reference to {@code os/arch}),
     *     for InvalidBaseImagePlatform; empty when linting without pulling
     */
    public Linter(LintConfig config, List<Check> checks, Map<String, String> basePlatforms) {
        this.config = config;
        this.checks = List.copyOf(checks);
        this.basePlatforms = Map.copyOf(basePlatforms);
    }

    /**
     * Lints one Dockerfile.
     *
     * @param file the name to report it under
     * @param text its text
     * @param contextDir the build context (for .dockerignore), or null
     */
    public FileResult lint(String file, String text, Path contextDir) {
        String src = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        Dockerfile tree;
        try {
            tree = DockerfileParser.parse(file, src);
        } catch (DockerfileParseException e) {
            Finding f = new Finding(RuleCatalog.PARSE_ERROR, Severity.ERROR, e.detail(),
                SourceRange.at(Math.max(1, e.line()), Math.max(1, e.column())));
            return new FileResult(file, src, List.of(f), List.of(RuleCatalog.get(RuleCatalog.PARSE_ERROR)));
        }
        List<Finding> extra = new ArrayList<>();
        Pragmas pragmas = pragmas(tree, extra);
        LintContext ctx = new LintContext(tree, src, config, pragmas, contextDir, basePlatforms);
        for (Check c : checks) {
            c.check(ctx);
        }
        for (Pragmas.IgnorePragma p : pragmas.inlineIgnores()) {
            ctx.report("DL1001", SourceRange.at(p.line(), p.column()),
                "Inline ignore pragma '" + p.text() + "'; fix the finding or ignore it in the configuration.");
        }
        List<RuleInfo> enabled = enabledRules(pragmas.check());
        Set<String> enabledIds = new HashSet<>();
        enabled.forEach(r -> enabledIds.add(r.id()));
        List<Finding> out = new ArrayList<>(extra);
        for (Finding f : ctx.findings()) {
            RuleInfo info = RuleCatalog.get(f.rule());
            if (info == null || config.ignored().contains(f.rule())
                || info.source() != RuleSource.SHELLCHECK && !info.id().equals(RuleCatalog.PARSE_ERROR)
                    && !enabledIds.contains(f.rule())
                || !config.disableIgnorePragma() && pragmas.ignores(f.rule(), f.range().line())) {
                continue;
            }
            Severity s = config.severityOf(f.rule(), info.source() == RuleSource.SHELLCHECK ? f.severity() : info.severity());
            if (pragmas.check().error() && info.source() == RuleSource.BUILDKIT) {
                s = Severity.ERROR;
            }
            if (s != Severity.IGNORE) {
                out.add(f.withSeverity(s));
            }
        }
        out.sort(Linter::byPosition);
        return new FileResult(file, src, out, enabled);
    }

    /** Line, then column, then rule id (written out: a composed Comparator costs several lambda links at start). */
    private static int byPosition(Finding a, Finding b) {
        int c = Integer.compare(a.range().line(), b.range().line());
        if (c == 0) {
            c = Integer.compare(a.range().column(), b.range().column());
        }
        return c != 0 ? c : a.rule().compareTo(b.rule());
    }

    /** The rules that run under this configuration and check directive. */
    List<RuleInfo> enabledRules(CheckDirective check) {
        List<RuleInfo> out = new ArrayList<>();
        for (RuleInfo r : RuleCatalog.all()) {
            if (r.id().equals(RuleCatalog.PARSE_ERROR) || config.ignored().contains(r.id())
                || config.severityOf(r.id(), r.severity()) == Severity.IGNORE || !check.enables(r)) {
                continue;
            }
            out.add(r);
        }
        return out;
    }

    private Pragmas pragmas(Dockerfile tree, List<Finding> problems) {
        List<Pragmas.Comment> comments = new ArrayList<>();
        Set<Integer> directiveLines = new HashSet<>();
        for (Directive d : tree.directives()) {
            comments.add(new Pragmas.Comment(d.range().start().line(), d.original()));
            directiveLines.add(d.range().start().line());
        }
        for (var c : tree.comments()) {
            comments.add(new Pragmas.Comment(c.range().start().line(), c.original()));
        }
        List<Pragmas.Span> spans = new ArrayList<>();
        for (Instruction i : tree.instructions()) {
            spans.add(new Pragmas.Span(i.range().start().line(), i.range().end().line(), i.keyword() == Keyword.FROM));
        }
        try {
            return Pragmas.read(comments, spans, directiveLines);
        } catch (LintConfigException e) {
            Directive d = tree.directive("check").orElseThrow();
            problems.add(new Finding(RuleCatalog.PARSE_ERROR, Severity.ERROR, e.getMessage().replaceFirst("^line \\d+: ", ""),
                SourceRange.at(d.range().start().line(), d.range().start().column())));
            directiveLines.clear();
            return Pragmas.read(comments, spans, directiveLines);
        }
    }
}
