package dev.estiba.lint;

import dev.estiba.grammar.tree.Dockerfile;
import dev.estiba.grammar.tree.ExecForm;
import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.Keyword;
import dev.estiba.grammar.tree.Node;
import dev.estiba.grammar.tree.WordList;
import dev.estiba.lint.shell.Script;
import dev.estiba.lint.shell.ShellSyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the checks of one Dockerfile share: the tree and its text, the stages, the global ARGs, the
 * configuration and pragmas, parsed RUN scripts, and the findings reported so far.
 */
public final class LintContext {
    private static final Set<String> POSIX_SHELLS = Set.of("sh", "bash", "dash", "ash", "ksh", "mksh", "zsh", "busybox");

    private final Dockerfile tree;
    private final String text;
    private final LineIndex lines;
    private final LintConfig config;
    private final Pragmas pragmas;
    private final Path contextDir;
    private final List<Stage> stages = new ArrayList<>();
    private final Map<String, String> globalArgs = new LinkedHashMap<>();
    private final List<Instruction> globalArgInstructions = new ArrayList<>();
    private final Map<Instruction, Optional<RunScript>> scripts = new IdentityHashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, String> basePlatforms;

    LintContext(Dockerfile tree, String text, LintConfig config, Pragmas pragmas, Path contextDir,
                Map<String, String> basePlatforms) {
        this.tree = tree;
        this.text = text;
        this.lines = new LineIndex(text);
        this.config = config;
        this.pragmas = pragmas;
        this.contextDir = contextDir;
        this.basePlatforms = Map.copyOf(basePlatforms);
        splitStages();
    }

    private void splitStages() {
        Instruction from = null;
        List<Instruction> body = new ArrayList<>();
        for (Instruction i : tree.instructions()) {
            if (i.keyword() == Keyword.FROM) {
                if (from != null) {
                    stages.add(stage(stages.size(), from, body));
                }
                from = i;
                body = new ArrayList<>();
            } else if (from == null) {
                if (i.keyword() == Keyword.ARG && i.arguments() instanceof dev.estiba.grammar.tree.ArgList args) {
                    globalArgInstructions.add(i);
                    args.declarations().forEach(d -> globalArgs.put(d.name(), d.defaultValue().orElse(null)));
                }
            } else {
                body.add(i);
            }
        }
        if (from != null) {
            stages.add(stage(stages.size(), from, body));
        }
    }

    private static Stage stage(int index, Instruction from, List<Instruction> body) {
        if (from.arguments() instanceof WordList w && !w.words().isEmpty()) {
            var words = w.words();
            boolean named = words.size() >= 3 && words.get(1).text().equalsIgnoreCase("as");
            return new Stage(index, from, words.get(0), named ? words.get(2) : null, named ? words.get(1) : null, body);
        }
        return new Stage(index, from, null, null, null, body);
    }

    /** The syntax tree. */
    public Dockerfile tree() {
        return tree;
    }

    /** The Dockerfile text. */
    public String text() {
        return text;
    }

    /** The text's line index. */
    public LineIndex lines() {
        return lines;
    }

    /** The configuration. */
    public LintConfig config() {
        return config;
    }

    /** The pragmas. */
    public Pragmas pragmas() {
        return pragmas;
    }

    /** The build context directory (where .dockerignore is), or null when unknown (stdin). */
    public Path contextDir() {
        return contextDir;
    }

    /** Known platforms of base images, by image reference (for InvalidBaseImagePlatform). */
    public Map<String, String> basePlatforms() {
        return basePlatforms;
    }

    /** The stages in order. */
    public List<Stage> stages() {
        return List.copyOf(stages);
    }

    /** The ARGs declared before the first FROM, name to default (null when none). */
    public Map<String, String> globalArgs() {
        return java.util.Collections.unmodifiableMap(globalArgs);
    }

    /** The ARG instructions before the first FROM. */
    public List<Instruction> globalArgInstructions() {
        return List.copyOf(globalArgInstructions);
    }

    /** The stage a name or index refers to among the stages before {@code before}, or null. */
    public Stage stageNamed(String ref, int before) {
        String lower = ref.toLowerCase(Locale.ROOT);
        for (Stage s : stages) {
            if (s.index() < before && lower.equals(s.name())) {
                return s;
            }
        }
        if (isAsciiDigits(ref)) {
            int i = Integer.parseInt(ref);
            return i < before && i < stages.size() ? stages.get(i) : null;
        }
        return null;
    }

    /** {@code \\d+} without a regular expression (compiled on each call it was a visible part of a one-file lint). */
    private static boolean isAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** The stage a FROM image names when it is an earlier stage, or null. */
    public Stage parentStage(Stage s) {
        return s.image() == null ? null : stageNamed(s.imageText(), s.index());
    }

    /** Converts a tree range. */
    public SourceRange range(dev.estiba.grammar.tree.SourceRange r) {
        return new SourceRange(r.start().line(), r.start().column(), r.end().line(), r.end().column());
    }

    /** The range of a node. */
    public SourceRange range(Node n) {
        return range(n.range());
    }

    /** The range of an instruction's first line, from the keyword. */
    public SourceRange head(Instruction i) {
        int start = i.keywordRange().start().offset();
        int eol = text.indexOf('\n', start);
        int end = eol < 0 ? text.length() : eol;
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return lines.range(start, end);
    }

    /** Reports a finding; severity and filtering are applied by the linter afterwards. */
    public void report(String rule, SourceRange range, String message) {
        RuleInfo info = RuleCatalog.get(rule);
        findings.add(new Finding(rule, info == null ? Severity.WARNING : info.severity(), message, range));
    }

    /** Reports a finding with its own severity (ShellCheck's levels); configuration can still override it. */
    public void report(String rule, Severity severity, SourceRange range, String message) {
        findings.add(new Finding(rule, severity, message, range));
    }

    /** Reports a finding at a node. */
    public void report(String rule, Node node, String message) {
        report(rule, range(node), message);
    }

    List<Finding> findings() {
        return findings;
    }

    /** The SHELL in force for an instruction of a stage: its last earlier SHELL, else {@code /bin/sh -c}. */
    public List<String> shellOf(Stage stage, Instruction at) {
        List<String> shell = List.of("/bin/sh", "-c");
        Stage s = stage;
        List<Stage> chain = new ArrayList<>();
        while (s != null) {
            chain.add(0, s);
            s = parentStage(s);
        }
        for (Stage c : chain) {
            for (Instruction i : c.instructions()) {
                if (i == at) {
                    return shell;
                }
                if (i.keyword() == Keyword.SHELL && i.arguments() instanceof ExecForm e && !e.values().isEmpty()) {
                    shell = e.values();
                }
            }
        }
        return shell;
    }

    /** Whether RUN scripts at this instruction run in a POSIX shell (SHELL and the shell pragma decide). */
    public boolean posixShell(Stage stage, Instruction at) {
        String pragma = pragmas.shellAt(at.range().start().line());
        String exe = pragma != null ? pragma : shellOf(stage, at).get(0);
        String base = exe.substring(Math.max(exe.lastIndexOf('/'), exe.lastIndexOf('\\')) + 1).toLowerCase(Locale.ROOT);
        return POSIX_SHELLS.contains(base.endsWith(".exe") ? base.substring(0, base.length() - 4) : base);
    }

    /**
     * The parsed script of a RUN (shell form through the shell parser, exec form as one command);
     * empty when the script does not parse as POSIX sh.
     */
    public Optional<RunScript> script(Instruction run) {
        return scripts.computeIfAbsent(run, r -> {
            if (r.arguments() instanceof ExecForm exec) {
                return Optional.ofNullable(RunScripts.exec(exec, lines));
            }
            RunScripts.Slice slice = RunScripts.slice(r, text, tree.escape());
            if (slice == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(new RunScript(Script.parse(slice.text()), slice.base(), lines));
            } catch (ShellSyntaxException e) {
                return Optional.empty();
            }
        });
    }

    /** Every RUN of every stage whose script runs in a POSIX shell, with its stage. */
    public List<Map.Entry<Stage, Instruction>> shellRuns() {
        List<Map.Entry<Stage, Instruction>> out = new ArrayList<>();
        for (Stage s : stages) {
            for (Instruction i : s.instructions()) {
                if (i.keyword() == Keyword.RUN && posixShell(s, i)) {
                    out.add(Map.entry(s, i));
                }
            }
        }
        return out;
    }
}
