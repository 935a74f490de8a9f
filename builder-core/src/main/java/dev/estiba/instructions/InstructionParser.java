package dev.estiba.instructions;

import dev.estiba.grammar.tree.ArgList;
import dev.estiba.grammar.tree.Arguments;
import dev.estiba.grammar.tree.Dockerfile;
import dev.estiba.grammar.tree.ExecForm;
import dev.estiba.grammar.tree.HealthcheckArguments;
import dev.estiba.grammar.tree.Heredoc;
import dev.estiba.grammar.tree.KeyValueList;
import dev.estiba.grammar.tree.Keyword;
import dev.estiba.grammar.tree.NoArguments;
import dev.estiba.grammar.tree.OnbuildTrigger;
import dev.estiba.grammar.tree.PlainText;
import dev.estiba.grammar.tree.ShellForm;
import dev.estiba.grammar.tree.WordList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns syntax-tree instructions into typed {@link Instruction}s: flags checked against what each
 * instruction accepts, argument counts and forms checked, values that need no expansion checked now
 * (the rest when {@link Instruction#expand expanded}). Every error is an {@link InstructionException}
 * at the instruction's line.
 */
public final class InstructionParser {
    private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9-_.]*");

    private InstructionParser() {
    }

    /** All top-level instructions of a file, in order. */
    public static List<Instruction> parse(Dockerfile file) {
        List<Instruction> out = new ArrayList<>(file.instructions().size());
        for (dev.estiba.grammar.tree.Instruction node : file.instructions()) {
            out.add(parse(node, file.sourceName()));
        }
        return out;
    }

    /** One instruction. */
    public static Instruction parse(dev.estiba.grammar.tree.Instruction node, String sourceName) {
        Origin origin = new Origin(sourceName, node.range(), node.original(), node.line());
        FlagRules.Parsed flags = FlagRules.parse(node.keyword(), node.flags(), origin);
        Arguments args = node.arguments();
        Keyword kw = node.keyword();
        return switch (kw) {
            case FROM -> from(args, flags, origin);
            case RUN -> run(node, flags, origin);
            case CMD -> new CmdInstruction(command(args), origin);
            case ENTRYPOINT -> new EntrypointInstruction(command(args), origin);
            case COPY -> copy(node, flags, origin);
            case ADD -> add(node, flags, origin);
            case ENV -> new EnvInstruction(pairs(kw, args, origin), origin);
            case LABEL -> new LabelInstruction(pairs(kw, args, origin), origin);
            case ARG -> arg(args, origin);
            case EXPOSE -> expose(args, origin);
            case USER -> new UserInstruction(plain(kw, args, origin), origin);
            case WORKDIR -> new WorkdirInstruction(plain(kw, args, origin), origin);
            case MAINTAINER -> new MaintainerInstruction(plain(kw, args, origin), origin);
            case STOPSIGNAL -> stopsignal(args, origin);
            case VOLUME -> volume(args, origin);
            case SHELL -> shell(args, origin);
            case HEALTHCHECK -> healthcheck(args, flags, origin);
            case ONBUILD -> onbuild(args, sourceName, origin);
        };
    }

    private static FromInstruction from(Arguments args, FlagRules.Parsed flags, Origin origin) {
        List<String> words = args instanceof WordList w ? w.values() : List.of();
        if (words.size() != 1 && words.size() != 3) {
            throw new InstructionException(origin, "FROM requires either one or three arguments");
        }
        Optional<String> name = Optional.empty();
        if (words.size() == 3) {
            if (!words.get(1).equalsIgnoreCase("AS")) {
                throw new InstructionException(origin, "Second argument should be AS, not \"" + words.get(1) + "\"");
            }
            String lower = words.get(2).toLowerCase(Locale.ROOT);
            if (!STAGE_NAME.matcher(lower).matches()) {
                throw new InstructionException(origin, "invalid name for build stage: \"" + words.get(2)
                    + "\", name can't start with a number or contain symbols");
            }
            name = Optional.of(lower);
        }
        return new FromInstruction(words.get(0), flags.string("platform"), name, origin);
    }

    /** Exec or shell form; nothing at all is an empty shell command, which BuildKit accepts too. */
    private static Command command(Arguments args) {
        if (args instanceof ExecForm e) {
            return new Command.Exec(e.values());
        }
        return new Command.Shell(args instanceof ShellForm s ? s.text() : "");
    }

    private static RunInstruction run(dev.estiba.grammar.tree.Instruction node, FlagRules.Parsed flags,
                                      Origin origin) {
        Command command = command(node.arguments());
        List<Mount> mounts = new ArrayList<>();
        for (String m : flags.list("mount")) {
            try {
                mounts.add(Mount.parseUnexpanded(m));
            } catch (IllegalArgumentException e) {
                throw new InstructionException(origin, e.getMessage(), e);
            }
        }
        Optional<String> network = flags.string("network");
        if (network.isPresent() && !List.of("default", "none", "host").contains(network.get())) {
            throw new InstructionException(origin, "unsupported network mode \"" + network.get()
                + "\" (default, none or host)");
        }
        Optional<String> security = flags.string("security");
        if (security.isPresent() && !List.of("sandbox", "insecure").contains(security.get())) {
            throw new InstructionException(origin, "unsupported security mode \"" + security.get()
                + "\" (sandbox or insecure)");
        }
        return new RunInstruction(command, mounts, network, security, flags.list("device"), node.heredocs(), origin);
    }

    /** Sources (heredoc words excluded), destination, and the heredocs used as sources. */
    private record Paths(List<String> sources, String destination, List<InlineFile> inlineFiles) {
    }

    private static Paths paths(dev.estiba.grammar.tree.Instruction node, Origin origin) {
        Keyword kw = node.keyword();
        List<String> words;
        if (node.arguments() instanceof ExecForm e) {
            words = e.values();
        } else if (node.arguments() instanceof WordList w) {
            words = w.values();
        } else {
            words = List.of();
        }
        if (words.size() < 2) {
            throw new InstructionException(origin, kw + " requires at least two arguments, but only "
                + (words.isEmpty() ? "none was" : "one was") + " provided. Destination could not be determined.");
        }
        String destination = words.get(words.size() - 1);
        List<InlineFile> heredocs = new ArrayList<>();
        for (Heredoc h : node.heredocs()) {
            if (h.word().equals(destination)) {
                throw new InstructionException(origin, kw + " cannot accept a heredoc as a destination");
            }
        }
        List<String> sources = new ArrayList<>();
        for (String src : words.subList(0, words.size() - 1)) {
            Optional<Heredoc> h = node.heredocs().stream().filter(d -> d.word().equals(src)).findFirst();
            if (h.isPresent()) {
                heredocs.add(InlineFile.of(h.get()));
            } else {
                sources.add(src);
            }
        }
        return new Paths(sources, destination, heredocs);
    }

    private static void checkChmod(Optional<String> chmod, Origin origin) {
        chmod.filter(c -> !c.contains("$")).ifPresent(c -> {
            try {
                FileMode.parse(c);
            } catch (IllegalArgumentException e) {
                throw new InstructionException(origin, e.getMessage(), e);
            }
        });
    }

    private static CopyInstruction copy(dev.estiba.grammar.tree.Instruction node, FlagRules.Parsed flags,
                                        Origin origin) {
        Paths p = paths(node, origin);
        checkChmod(flags.string("chmod"), origin);
        return new CopyInstruction(p.sources(), p.destination(), flags.string("from"), flags.string("chown"),
            flags.string("chmod"), flags.bool("link"), flags.bool("parents"), flags.list("exclude"), p.inlineFiles(),
            origin);
    }

    private static AddInstruction add(dev.estiba.grammar.tree.Instruction node, FlagRules.Parsed flags,
                                      Origin origin) {
        Paths p = paths(node, origin);
        checkChmod(flags.string("chmod"), origin);
        return new AddInstruction(p.sources(), p.destination(), flags.string("chown"), flags.string("chmod"),
            flags.bool("link"), flags.bool("keep-git-dir"), flags.string("checksum"), flags.optionalBool("unpack"),
            flags.list("exclude"), p.inlineFiles(), origin);
    }

    private static List<KeyValue> pairs(Keyword kw, Arguments args, Origin origin) {
        if (!(args instanceof KeyValueList list) || list.pairs().isEmpty()) {
            throw new InstructionException(origin, kw + " requires at least one argument");
        }
        List<KeyValue> out = new ArrayList<>();
        for (dev.estiba.grammar.tree.KeyValue kv : list.pairs()) {
            if (kv.key().isEmpty()) {
                throw new InstructionException(origin, kw + " names can not be blank");
            }
            out.add(new KeyValue(kv.key(), kv.value()));
        }
        return out;
    }

    private static ArgInstruction arg(Arguments args, Origin origin) {
        if (!(args instanceof ArgList list) || list.declarations().isEmpty()) {
            throw new InstructionException(origin, "ARG requires at least one argument");
        }
        List<ArgInstruction.Declaration> out = new ArrayList<>();
        for (dev.estiba.grammar.tree.ArgDeclaration d : list.declarations()) {
            if (d.name().isEmpty()) {
                throw new InstructionException(origin, "ARG names can not be blank");
            }
            out.add(new ArgInstruction.Declaration(d.name(), d.defaultValue()));
        }
        return new ArgInstruction(out, origin);
    }

    private static ExposeInstruction expose(Arguments args, Origin origin) {
        List<String> words = args instanceof WordList w ? w.values() : List.of();
        if (words.isEmpty()) {
            throw new InstructionException(origin, "EXPOSE requires at least one argument");
        }
        for (String p : words) {
            if (p.chars().noneMatch(c -> c == '$' || c == '"' || c == '\'' || c == '\\' || c == '`')) {
                try {
                    PortSpec.parse(p);
                } catch (IllegalArgumentException e) {
                    throw new InstructionException(origin, e.getMessage(), e);
                }
            }
        }
        return new ExposeInstruction(words, origin);
    }

    private static String plain(Keyword kw, Arguments args, Origin origin) {
        if (args instanceof PlainText t && !t.text().isEmpty()) {
            return t.text();
        }
        throw new InstructionException(origin, kw + " requires exactly one argument");
    }

    private static StopsignalInstruction stopsignal(Arguments args, Origin origin) {
        String s = plain(Keyword.STOPSIGNAL, args, origin);
        if (!s.contains("$") && s.chars().noneMatch(c -> c == '"' || c == '\'' || c == '\\')) {
            try {
                Signals.validate(s);
            } catch (IllegalArgumentException e) {
                throw new InstructionException(origin, e.getMessage(), e);
            }
        }
        return new StopsignalInstruction(s, origin);
    }

    private static VolumeInstruction volume(Arguments args, Origin origin) {
        List<String> paths = args instanceof ExecForm e ? e.values()
            : args instanceof WordList w ? w.values() : List.of();
        if (paths.isEmpty()) {
            throw new InstructionException(origin, "VOLUME requires at least one argument");
        }
        if (paths.stream().anyMatch(String::isEmpty)) {
            throw new InstructionException(origin, "VOLUME specified can not be an empty string");
        }
        return new VolumeInstruction(paths, origin);
    }

    private static ShellInstruction shell(Arguments args, Origin origin) {
        if (!(args instanceof ExecForm e)) {
            throw new InstructionException(origin, "SHELL requires the arguments to be in JSON form, e.g. "
                + "SHELL [\"/bin/sh\", \"-c\"]");
        }
        if (e.items().isEmpty()) {
            throw new InstructionException(origin, "SHELL requires at least one argument");
        }
        return new ShellInstruction(e.values(), origin);
    }

    private static HealthcheckInstruction healthcheck(Arguments args, FlagRules.Parsed flags, Origin origin) {
        if (!(args instanceof HealthcheckArguments h)) {
            throw new InstructionException(origin, "HEALTHCHECK requires an argument (CMD or NONE)");
        }
        String type = h.type().text().toUpperCase(Locale.ROOT);
        if (type.equals("NONE")) {
            if (!(h.command() instanceof NoArguments)) {
                throw new InstructionException(origin, "HEALTHCHECK NONE takes no arguments");
            }
            return new HealthcheckInstruction(Optional.empty(), origin);
        }
        if (!type.equals("CMD")) {
            throw new InstructionException(origin, "Unknown type \"" + h.type().text() + "\" in HEALTHCHECK (try CMD)");
        }
        Command command;
        if (h.command() instanceof ExecForm e && !e.items().isEmpty()) {
            command = new Command.Exec(e.values());
        } else if (h.command() instanceof ShellForm s && !s.text().isEmpty()) {
            command = new Command.Shell(s.text());
        } else {
            throw new InstructionException(origin, "Missing command after HEALTHCHECK CMD");
        }
        int retries = 0;
        Optional<String> r = flags.string("retries");
        if (r.isPresent()) {
            try {
                retries = Integer.parseInt(r.get());
            } catch (NumberFormatException e) {
                throw new InstructionException(origin, "HEALTHCHECK --retries: invalid number \"" + r.get() + "\"");
            }
            if (retries < 0) {
                throw new InstructionException(origin, "HEALTHCHECK --retries cannot be negative (" + retries + ")");
            }
        }
        return new HealthcheckInstruction(Optional.of(new HealthcheckInstruction.Check(command,
            interval(flags, "interval", origin), interval(flags, "timeout", origin),
            interval(flags, "start-period", origin), interval(flags, "start-interval", origin), retries)), origin);
    }

    private static Duration interval(FlagRules.Parsed flags, String name, Origin origin) {
        Optional<String> v = flags.string(name);
        if (v.isEmpty() || v.get().isEmpty()) {
            return Duration.ZERO;
        }
        Duration d;
        try {
            d = GoDuration.parse(v.get());
        } catch (IllegalArgumentException e) {
            throw new InstructionException(origin, "HEALTHCHECK --" + name + ": " + e.getMessage(), e);
        }
        if (d.isNegative()) {
            throw new InstructionException(origin, "HEALTHCHECK --" + name + " cannot be negative (" + v.get() + ")");
        }
        if (!d.isZero() && d.compareTo(Duration.ofMillis(1)) < 0) {
            throw new InstructionException(origin, "HEALTHCHECK --" + name + " cannot be less than 1ms ("
                + v.get() + ")");
        }
        return d;
    }

    private static OnbuildInstruction onbuild(Arguments args, String sourceName, Origin origin) {
        if (!(args instanceof OnbuildTrigger t)) {
            throw new InstructionException(origin, "ONBUILD requires at least one argument");
        }
        dev.estiba.grammar.tree.Instruction trigger = t.trigger();
        switch (trigger.keyword()) {
            case ONBUILD -> throw new InstructionException(origin,
                "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
            case FROM, MAINTAINER -> throw new InstructionException(origin,
                trigger.keyword() + " isn't allowed as an ONBUILD trigger");
            default -> {
            }
        }
        StringBuilder expression = new StringBuilder(trigger.line());
        for (Heredoc h : trigger.heredocs()) {
            expression.append('\n').append(h.body()).append(h.delimiter());
        }
        return new OnbuildInstruction(parse(trigger, sourceName), expression.toString(), origin);
    }
}
