package dev.estiba.lint.rules;

import dev.estiba.grammar.tree.Flag;
import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.Keyword;
import dev.estiba.lint.LintContext;
import dev.estiba.lint.RunScript;
import dev.estiba.lint.Stage;
import dev.estiba.lint.shell.Command;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * COPY and ADD: DL3020 (ADD for plain files), DL3021 (several sources, destination without /),
 * DL3022 and DL3023 (COPY --from naming no earlier stage, or its own) and DL3010 (an archive copied
 * and then extracted by a RUN).
 */
final class Copies implements Check {
    private static final List<String> ARCHIVES = List.of(".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2",
        ".tar.xz", ".txz", ".tar.zst", ".tar.lz", ".tar.lzma", ".tlz", ".gz", ".bz2", ".xz", ".zip");

    @Override
    public void check(LintContext ctx) {
        for (Stage s : ctx.stages()) {
            Map<String, Instruction> copiedArchives = new LinkedHashMap<>();
            for (Instruction i : s.instructions()) {
                if (i.keyword() == Keyword.ADD || i.keyword() == Keyword.COPY) {
                    copyOrAdd(ctx, s, i, copiedArchives);
                } else if (i.keyword() == Keyword.RUN && !copiedArchives.isEmpty()) {
                    extracted(ctx, i, copiedArchives);
                }
            }
        }
    }

    private static void copyOrAdd(LintContext ctx, Stage s, Instruction i, Map<String, Instruction> archives) {
        List<String> args = Workdirs.arguments(i);
        if (args.size() < 2 && i.heredocs().isEmpty()) {
            return;
        }
        List<String> sources = args.subList(0, args.size() - 1);
        String dest = Workdirs.unquote(args.get(args.size() - 1));
        if (i.keyword() == Keyword.ADD) {
            boolean plain = sources.stream().map(Workdirs::unquote).noneMatch(src -> isUrl(src) || isArchive(src) || src.contains("$"));
            if (plain && i.heredocs().isEmpty() && !sources.isEmpty()) {
                ctx.report("DL3020", ctx.head(i), "Use COPY instead of ADD for files and folders: COPY "
                    + String.join(" ", args) + ".");
            }
        }
        if (sources.size() >= 2 && !dest.endsWith("/") && !dest.endsWith("\\") && !dest.contains("$")) {
            ctx.report("DL3021", ctx.head(i), i.keyword() + " with more than 2 arguments requires the last argument"
                + " to end with /: '" + dest + "/'.");
        }
        if (i.keyword() == Keyword.COPY) {
            Flag from = i.flag("from").orElse(null);
            if (from != null) {
                fromStage(ctx, s, from);
            } else {
                for (String src : sources) {
                    String u = Workdirs.unquote(src);
                    if (isArchive(u)) {
                        String dst = dest.endsWith("/") ? dest + u.substring(u.lastIndexOf('/') + 1) : dest;
                        archives.put(u.substring(u.lastIndexOf('/') + 1), i);
                        archives.put(dst, i);
                    }
                }
            }
        }
    }

    private static void fromStage(LintContext ctx, Stage s, Flag from) {
        String ref = from.value().orElse("");
        if (ref.isEmpty() || ref.contains("$")) {
            return;
        }
        if (s.name() != null && ref.toLowerCase(Locale.ROOT).equals(s.name())) {
            ctx.report("DL3023", from, "COPY --from cannot name its own stage '" + ref + "'.");
        } else if (ctx.stageNamed(ref, s.index()) == null && !ref.matches("\\d+")
            && !ref.contains(":") && !ref.contains("/") && !ref.contains("@")) {
            ctx.report("DL3022", from, "COPY --from=" + ref + " names no earlier stage; define a stage 'FROM ... AS "
                + ref + "' before it, or name an image with a tag.");
        }
    }

    private static void extracted(LintContext ctx, Instruction run, Map<String, Instruction> archives) {
        RunScript rs = ctx.script(run).orElse(null);
        if (rs == null) {
            return;
        }
        List<String> done = new ArrayList<>();
        List<Instruction> reported = new ArrayList<>();
        for (Command c : rs.script().commands()) {
            boolean extracts = c.is("unzip") || c.is("gunzip") || c.is("bunzip2") || c.is("unxz")
                || c.is("tar") && (c.hasAnyFlag("x", "extract", "get") || !c.args().isEmpty() && c.args().get(0).value().startsWith("x"));
            if (!extracts) {
                continue;
            }
            for (String arg : c.argValues()) {
                String name = arg.substring(arg.lastIndexOf('/') + 1);
                for (Map.Entry<String, Instruction> e : archives.entrySet()) {
                    if ((arg.equals(e.getKey()) || name.equals(e.getKey())) && !done.contains(e.getKey())) {
                        done.add(e.getKey());
                        if (reported.contains(e.getValue())) {
                            continue;
                        }
                        reported.add(e.getValue());
                        ctx.report("DL3010", ctx.head(e.getValue()), "The archive " + e.getKey()
                            + " is copied and then extracted; use ADD to extract it into the image in one step.");
                    }
                }
            }
        }
        done.forEach(archives::remove);
    }

    static boolean isUrl(String s) {
        return s.matches("(?i)(https?|ftp)://.*") || s.matches("(?i)git@.*") || s.endsWith(".git");
    }

    static boolean isArchive(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return ARCHIVES.stream().anyMatch(l::endsWith);
    }
}
