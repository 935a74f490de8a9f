package dev.estiba.plan;

import dev.estiba.expand.ExpansionException;
import dev.estiba.expand.ShellLexer;
import dev.estiba.grammar.DockerfileParseException;
import dev.estiba.grammar.DockerfileParser;
import dev.estiba.grammar.tree.Dockerfile;
import dev.estiba.instructions.ArgInstruction;
import dev.estiba.instructions.CopyInstruction;
import dev.estiba.instructions.EnvInstruction;
import dev.estiba.instructions.FromInstruction;
import dev.estiba.instructions.Instruction;
import dev.estiba.instructions.InstructionException;
import dev.estiba.instructions.InstructionParser;
import dev.estiba.instructions.KeyValue;
import dev.estiba.instructions.Mount;
import dev.estiba.instructions.OnbuildInstruction;
import dev.estiba.instructions.Origin;
import dev.estiba.instructions.RunInstruction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes the {@link Plan} of a Dockerfile as BuildKit would run it: global ARGs and the automatic
 * platform ARGs for FROM lines, stages resolved by name or index, the stages the target needs
 * (only those are expanded, so an error in a pruned stage does not fail the plan), and each step
 * expanded with the ARG and ENV values in scope.
 */
public final class Planner {
    private static final Set<String> PROXY_ARGS = Set.of("HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY",
        "ALL_PROXY", "http_proxy", "https_proxy", "ftp_proxy", "no_proxy", "all_proxy");

    private final Dockerfile file;
    private final PlanOptions options;
    private final ShellLexer lexer;
    private final Descriptions descriptions;
    private final Map<String, Optional<String>> meta = new LinkedHashMap<>();
    private final Set<String> consumed = new LinkedHashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<ArgInfo> globalArgs = new ArrayList<>();
    private final List<ArgInfo> stageArgs = new ArrayList<>();
    private final List<FromInstruction> froms = new ArrayList<>();
    private final List<List<Instruction>> bodies = new ArrayList<>();
    private final List<Base> bases = new ArrayList<>();
    private final Map<Integer, Planned> planned = new HashMap<>();

    private record Planned(List<Step> steps, Scope scope, Set<Integer> dependsOn) {
    }

    private Planner(Dockerfile file, PlanOptions options) {
        this.file = file;
        this.options = options;
        this.lexer = ShellLexer.withEscape(file.escape());
        this.descriptions = new Descriptions(file.comments());
    }

    /**
     * Plans {@code file}.
     *
     * @throws InstructionException for an invalid instruction or a failed expansion, at its line
     * @throws PlanException for an unknown target or a file without stages
     */
    public static Plan plan(Dockerfile file, PlanOptions options) {
        return new Planner(file, options).run();
    }

    /** The automatic platform ARGs for these options. */
    public static Map<String, String> automaticArgs(PlanOptions options) {
        Map<String, String> m = new LinkedHashMap<>();
        Platform t = options.targetPlatform();
        Platform b = options.buildPlatform();
        m.put("TARGETPLATFORM", t.toString());
        m.put("TARGETOS", t.os());
        m.put("TARGETARCH", t.architecture());
        m.put("TARGETVARIANT", t.variant());
        m.put("BUILDPLATFORM", b.toString());
        m.put("BUILDOS", b.os());
        m.put("BUILDARCH", b.architecture());
        m.put("BUILDVARIANT", b.variant());
        return m;
    }

    private Plan run() {
        List<Instruction> all = InstructionParser.parse(file);
        Map<String, String> automatic = automaticArgs(options);
        automatic.forEach((k, v) -> meta.put(k, Optional.of(v)));
        splitStages(all);
        if (froms.isEmpty()) {
            throw new PlanException(file.sourceName() + ": no build stage: the file has no FROM");
        }
        int target = target();
        plan(target);
        List<Stage> stages = new ArrayList<>();
        Map<Integer, Integer> levels = new HashMap<>();
        for (int i = 0; i < froms.size(); i++) {
            FromInstruction from = froms.get(i);
            Planned p = planned.get(i);
            String description = descriptions.above(from.origin().lineNumber(), from.stageName().orElse(null));
            if (p == null) {
                List<Step> raw = bodies.get(i).stream().map(ins -> new Step(ins, Optional.empty(), Map.of(),
                    Map.of(), Map.of(), Set.of(), Set.of(), List.of(), false)).toList();
                stages.add(new Stage(i, from.stageName(), description, from, bases.get(i), raw, Set.of(), -1, false));
                continue;
            }
            int level = p.dependsOn().stream().mapToInt(levels::get).map(l -> l + 1).max().orElse(0);
            levels.put(i, level);
            stages.add(new Stage(i, from.stageName(), description, from, bases.get(i), p.steps(), p.dependsOn(),
                level, true));
        }
        List<BuildArgUse> uses = new ArrayList<>();
        List<String> unconsumed = new ArrayList<>();
        options.buildArgs().forEach((k, v) -> {
            boolean predefined = isPredefined(k);
            boolean used = predefined || consumed.contains(k);
            uses.add(new BuildArgUse(k, v, used, predefined));
            if (!used) {
                unconsumed.add(k);
            }
        });
        if (!unconsumed.isEmpty()) {
            java.util.Collections.sort(unconsumed);
            warnings.add(0, "one or more build-args " + unconsumed + " were not consumed");
        }
        return new Plan(file.sourceName(), options.targetPlatform(), options.buildPlatform(), globalArgs, automatic,
            stages, target, stageArgs, uses, warnings);
    }

    static boolean isPredefined(String name) {
        return PROXY_ARGS.contains(name) || name.startsWith("BUILDKIT_") || name.equals("SOURCE_DATE_EPOCH");
    }

    /** Global ARGs, then one body per FROM; FROM lines resolved with the global ARGs. */
    private void splitStages(List<Instruction> all) {
        for (Instruction ins : all) {
            if (ins instanceof FromInstruction from) {
                resolveFrom(from);
                continue;
            }
            if (froms.isEmpty()) {
                if (!(ins instanceof ArgInstruction arg)) {
                    throw new InstructionException(ins.origin(), "no build stage in current context: only ARG may "
                        + "come before the first FROM");
                }
                globalArg(arg);
                continue;
            }
            bodies.get(bodies.size() - 1).add(ins);
        }
    }

    private void globalArg(ArgInstruction arg) {
        for (ArgInstruction.Declaration d : arg.declarations()) {
            Optional<String> value;
            if (options.buildArgs().containsKey(d.name())) {
                value = Optional.of(options.buildArgs().get(d.name()));
            } else if (d.defaultValue().isPresent()) {
                value = Optional.of(expandWord(arg.origin(), d.defaultValue().get(), metaEnv()));
            } else {
                value = Optional.empty();
            }
            meta.put(d.name(), value);
            consumed.add(d.name());
            globalArgs.add(new ArgInfo(d.name(), d.defaultValue(), value,
                descriptions.above(arg.origin().lineNumber(), d.name()), Optional.empty(), arg.origin()));
        }
    }

    private Map<String, String> metaEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        meta.forEach((k, v) -> v.ifPresent(value -> env.put(k, value)));
        return env;
    }

    private void resolveFrom(FromInstruction from) {
        int index = froms.size();
        ScopeExpander x = new ScopeExpander(lexer, metaEnv());
        FromInstruction expanded = from.expand(x);
        froms.add(from);
        bodies.add(new ArrayList<>());
        Optional<Integer> stage = stageByName(expanded.image(), index);
        Base.Kind kind = stage.isPresent() ? Base.Kind.STAGE
            : expanded.image().equalsIgnoreCase("scratch") ? Base.Kind.SCRATCH : Base.Kind.IMAGE;
        expanded.platform().ifPresent(text -> {
            try {
                Platform.parse(text);
            } catch (IllegalArgumentException e) {
                throw new InstructionException(from.origin(), "FROM --platform: " + e.getMessage(), e);
            }
        });
        boolean known = kind != Base.Kind.IMAGE;
        if (kind == Base.Kind.IMAGE) {
            Platform p = expanded.platform().map(Platform::parse).orElse(options.targetPlatform());
            known = options.baseImages().lookup(expanded.image(), p).isPresent();
        }
        bases.add(new Base(kind, expanded.image(), stage, expanded.platform(), known, x.unset()));
    }

    /** The last stage before {@code before} with this name (case-insensitive). */
    private Optional<Integer> stageByName(String name, int before) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = Math.min(before, froms.size()) - 1; i >= 0; i--) {
            if (froms.get(i).stageName().filter(lower::equals).isPresent()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private int target() {
        if (options.target().isEmpty()) {
            return froms.size() - 1;
        }
        String want = options.target().get();
        Optional<Integer> found = stageByName(want, froms.size());
        if (found.isPresent()) {
            return found.get();
        }
        Set<String> names = new TreeSet<>();
        froms.forEach(f -> f.stageName().ifPresent(names::add));
        throw new PlanException("target stage \"" + want + "\" could not be found; "
            + (names.isEmpty() ? "the file names no stages (use FROM ... AS name)" : "stages: " + String.join(", ", names)));
    }

    private void plan(int index) {
        if (planned.containsKey(index)) {
            return;
        }
        Base base = bases.get(index);
        Set<Integer> deps = new LinkedHashSet<>();
        Scope scope;
        List<Step> steps = new ArrayList<>();
        if (base.kind() == Base.Kind.STAGE) {
            int parent = base.stage().orElseThrow();
            plan(parent);
            deps.add(parent);
            scope = planned.get(parent).scope().copy();
        } else {
            Map<String, String> imageEnv = Map.of();
            if (base.kind() == Base.Kind.IMAGE) {
                Platform p = base.platform().map(Platform::parse).orElse(options.targetPlatform());
                Optional<BaseImage> known = options.baseImages().lookup(base.reference(), p);
                if (known.isPresent()) {
                    imageEnv = known.get().env();
                } else {
                    warnings.add(froms.get(index).origin().location() + ": the environment of base image "
                        + base.reference() + " is not known; planned with the default PATH only");
                }
            }
            scope = Scope.ofImage(imageEnv);
        }
        List<Instruction> body = new ArrayList<>();
        List<Boolean> isTrigger = new ArrayList<>();
        for (Instruction trigger : imageTriggers(index, base)) {
            body.add(trigger);
            isTrigger.add(true);
        }
        if (base.kind() == Base.Kind.STAGE) {
            for (Instruction ins : bodies.get(base.stage().orElseThrow())) {
                if (ins instanceof OnbuildInstruction onbuild) {
                    body.add(onbuild.trigger());
                    isTrigger.add(true);
                }
            }
        }
        for (Instruction ins : bodies.get(index)) {
            body.add(ins);
            isTrigger.add(false);
        }
        for (int i = 0; i < body.size(); i++) {
            steps.add(step(index, body.get(i), isTrigger.get(i), scope, deps));
        }
        planned.put(index, new Planned(steps, scope, deps));
    }

    /** A known base image's ONBUILD triggers, parsed; a bad one is an error at the FROM line. */
    private List<Instruction> imageTriggers(int index, Base base) {
        if (base.kind() != Base.Kind.IMAGE) {
            return List.of();
        }
        Platform p = base.platform().map(Platform::parse).orElse(options.targetPlatform());
        List<String> triggers = options.baseImages().lookup(base.reference(), p).map(BaseImage::onBuild)
            .orElse(List.of());
        Origin from = froms.get(index).origin();
        List<Instruction> out = new ArrayList<>();
        for (String trigger : triggers) {
            try {
                Dockerfile one = DockerfileParser.parse(from.sourceName(), trigger);
                for (dev.estiba.grammar.tree.Instruction node : one.instructions()) {
                    out.add(InstructionParser.parse(node, from.sourceName()));
                }
            } catch (DockerfileParseException | InstructionException e) {
                throw new InstructionException(from, "ONBUILD trigger of " + base.reference() + " (" + trigger
                    + "): " + (e instanceof InstructionException ie ? ie.detail() : ((DockerfileParseException) e)
                    .detail()), e);
            }
        }
        return out;
    }

    private Step step(int stage, Instruction ins, boolean trigger, Scope scope, Set<Integer> deps) {
        Map<String, String> argsBefore = scope.args();
        Map<String, String> envBefore = scope.env();
        Map<String, String> buildEnv = scope.expansionEnv();
        ScopeExpander x = new ScopeExpander(lexer, buildEnv);
        Instruction expanded;
        if (ins instanceof ArgInstruction arg) {
            expanded = stageArg(stage, arg, scope, x);
        } else {
            expanded = ins.expand(x);
            if (expanded instanceof EnvInstruction env) {
                for (KeyValue kv : env.pairs()) {
                    scope.setEnv(kv.key(), kv.value());
                }
            }
        }
        List<Integer> refs = new ArrayList<>();
        if (expanded instanceof CopyInstruction copy && copy.from().isPresent()) {
            stageRef(stage, copy.from().get(), ins.origin()).ifPresent(refs::add);
        }
        if (expanded instanceof RunInstruction run) {
            for (Mount m : run.mounts()) {
                if (m.from().isPresent()) {
                    stageRef(stage, m.from().get(), ins.origin()).ifPresent(refs::add);
                }
            }
        }
        for (int ref : refs) {
            plan(ref);
            deps.add(ref);
        }
        return new Step(ins, Optional.of(expanded), argsBefore, envBefore, java.util.Collections.unmodifiableMap(buildEnv),
            x.referenced(), x.unset(), refs, trigger);
    }

    /** Declares a stage's ARGs one after another: build arg, else default, else the global value. */
    private ArgInstruction stageArg(int stage, ArgInstruction arg, Scope scope, ScopeExpander x) {
        List<ArgInstruction.Declaration> out = new ArrayList<>();
        for (ArgInstruction.Declaration d : arg.declarations()) {
            String value = null;
            if (options.buildArgs().containsKey(d.name())) {
                value = options.buildArgs().get(d.name());
            } else if (d.defaultValue().isPresent()) {
                ScopeExpander own = new ScopeExpander(lexer, scope.expansionEnv());
                value = expandWord(arg.origin(), d.defaultValue().get(), own);
                x.referenced().addAll(own.referenced());
                x.unset().addAll(own.unset());
            } else if (meta.containsKey(d.name())) {
                value = meta.get(d.name()).orElse(null);
            }
            scope.declareArg(d.name(), value);
            consumed.add(d.name());
            out.add(new ArgInstruction.Declaration(d.name(), Optional.ofNullable(value)));
            stageArgs.add(new ArgInfo(d.name(), d.defaultValue(), Optional.ofNullable(value),
                descriptions.above(arg.origin().lineNumber(), d.name()), Optional.of(stage), arg.origin()));
        }
        return new ArgInstruction(out, arg.origin());
    }

    /** A stage named by {@code --from} or {@code from=}: index, then name; otherwise an image or context. */
    private Optional<Integer> stageRef(int current, String ref, Origin origin) {
        if (ref.matches("[0-9]+")) {
            int n;
            try {
                n = Integer.parseInt(ref);
            } catch (NumberFormatException e) {
                n = Integer.MAX_VALUE;
            }
            if (n >= froms.size()) {
                throw new InstructionException(origin, "invalid stage index " + ref + ": the file has "
                    + froms.size() + " stage" + (froms.size() == 1 ? "" : "s"));
            }
            if (n >= current) {
                throw new InstructionException(origin, "cannot copy from stage " + ref
                    + ", it needs to be defined before current stage");
            }
            return Optional.of(n);
        }
        Optional<Integer> earlier = stageByName(ref, current);
        if (earlier.isPresent()) {
            return earlier;
        }
        if (stageByName(ref, froms.size()).isPresent()) {
            throw new InstructionException(origin, "cannot copy from stage \"" + ref
                + "\", it needs to be defined before current stage");
        }
        return Optional.empty();
    }

    private String expandWord(Origin origin, String word, Map<String, String> env) {
        return expandWord(origin, word, new ScopeExpander(lexer, env));
    }

    private static String expandWord(Origin origin, String word, ScopeExpander x) {
        try {
            return x.word(word);
        } catch (ExpansionException e) {
            throw new InstructionException(origin, e.getMessage(), e);
        }
    }
}
