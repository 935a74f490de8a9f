package dev.estiba.lint.rules;

import dev.estiba.lint.LintContext;
import dev.estiba.lint.Stage;
import dev.estiba.lint.shell.Command;
import dev.estiba.lint.shell.Word;
import java.util.Collections;
import java.util.Set;
import java.util.function.Predicate;

/**
 * System package managers in RUN scripts: apt-get and apt (DL3008, DL3009, DL3014, DL3015, DL3027),
 * apk (DL3018, DL3019), yum (DL3030, DL3032, DL3033), zypper (DL3034-DL3037) and dnf/microdnf
 * (DL3038, DL3040, DL3041).
 */
final class PackageManagers implements Check {
    private static final Set<String> APT_VALUED = Set.of("t", "target-release", "o", "option", "c", "config-file");
    private static final Set<String> APK_VALUED = Set.of("t", "virtual", "X", "repository", "p", "root", "keys-dir",
        "repositories-file", "arch", "cache-dir");
    private static final Set<String> RPM_VALUED = Set.of("c", "config", "releasever", "installroot", "setopt",
        "enablerepo", "disablerepo", "repo", "x", "exclude", "repofrompath", "d", "debuglevel", "e", "errorlevel");
    private static final Set<String> ZYPPER_VALUED = Set.of("r", "repo", "from", "t", "type", "root", "D", "reposd-root");

    @Override
    public void check(LintContext ctx) {
        for (ShellRun r : ShellRun.all(ctx)) {
            apt(ctx, r);
            apk(ctx, r);
            yum(ctx, r);
            zypper(ctx, r);
            dnf(ctx, r);
        }
    }

    private static void apt(LintContext ctx, ShellRun r) {
        for (Command c : r.script().script().named("apt")) {
            ctx.report("DL3027", r.script().range(c.words().get(0)),
                "Do not use apt in scripts, it is meant for people; use apt-get or apt-cache.");
        }
        for (Command c : r.sub("apt-get", APT_VALUED, "install")) {
            unpinned(ctx, r, c, APT_VALUED, p -> p.contains("=") || p.contains("/") || p.endsWith(".deb"), "DL3008",
                "Pin versions in apt-get install: ", "=<version>");
            int q = Collections.frequency(c.flags(), "q");
            if (!c.hasAnyFlag("y", "yes", "assume-yes") && q < 2 && !"2".equals(c.flagValue("quiet"))) {
                ctx.report("DL3014", r.script().range(c), "Use the -y switch with apt-get install to avoid a prompt: apt-get install -y.");
            }
            boolean noRecommends = c.hasAnyFlag("no-install-recommends")
                || c.argValues().stream().anyMatch(a -> a.replace(" ", "").equalsIgnoreCase("APT::Install-Recommends=false")
                    || a.replace(" ", "").equalsIgnoreCase("APT::Install-Recommends=0"));
            if (!noRecommends) {
                ctx.report("DL3015", r.script().range(c),
                    "Avoid extra packages with apt-get install --no-install-recommends.");
            }
        }
        if (!r.sub("apt-get", APT_VALUED, "update").isEmpty() && !r.removes("/var/lib/apt/lists")
            && !r.cacheMount("/var/lib/apt/lists") && finalOrReused(ctx, r.stage())) {
            ctx.report("DL3009", ctx.head(r.run()),
                "Delete the apt lists after installing: add && rm -rf /var/lib/apt/lists/* to this RUN.");
        }
    }

    /** Whether a stage ends up in the image: the last one, or one a later FROM builds on. */
    static boolean finalOrReused(LintContext ctx, Stage s) {
        var stages = ctx.stages();
        if (s.index() == stages.size() - 1) {
            return true;
        }
        for (Stage later : stages) {
            if (later.index() > s.index() && ctx.parentStage(later) == s) {
                return true;
            }
        }
        return false;
    }

    private static void apk(LintContext ctx, ShellRun r) {
        for (Command c : r.sub("apk", APK_VALUED, "add")) {
            unpinned(ctx, r, c, APK_VALUED, p -> p.contains("=") || p.contains("<") || p.contains(">") || p.endsWith(".apk"),
                "DL3018", "Pin versions in apk add: ", "=<version>");
            if (!c.hasAnyFlag("no-cache") && !r.cacheMount("/var/cache/apk")) {
                ctx.report("DL3019", r.script().range(c),
                    "Use apk add --no-cache instead of --update and removing /var/cache/apk/*.");
            }
        }
    }

    /** hadolint's test: any '-' counts as name-version; rpm files and @modules are fine. */
    private static final Predicate<String> RPM_PINNED = p -> p.contains("-") || p.endsWith(".rpm") || p.startsWith("@");

    private static void yum(LintContext ctx, ShellRun r) {
        var installs = r.sub("yum", RPM_VALUED, "install", "groupinstall", "localinstall");
        for (Command c : installs) {
            if (!c.hasAnyFlag("y", "assumeyes")) {
                ctx.report("DL3030", r.script().range(c), "Use the -y switch with yum install to avoid a prompt: yum install -y.");
            }
            unpinned(ctx, r, c, RPM_VALUED, RPM_PINNED, "DL3033", "Pin versions in yum install: ", "-<version>");
        }
        if (!installs.isEmpty() && !r.runs("yum", "clean", "all") && !r.removes("/var/cache/yum")
            && !r.cacheMount("/var/cache/yum")) {
            ctx.report("DL3032", ctx.head(r.run()), "Run yum clean all after yum install in the same RUN.");
        }
    }

    private static void dnf(LintContext ctx, ShellRun r) {
        for (String tool : new String[] {"dnf", "microdnf"}) {
            var installs = r.sub(tool, RPM_VALUED, "install", "groupinstall", "localinstall");
            for (Command c : installs) {
                if (!c.hasAnyFlag("y", "assumeyes")) {
                    ctx.report("DL3038", r.script().range(c), "Use the -y switch with " + tool + " install to avoid a prompt: "
                        + tool + " install -y.");
                }
                unpinned(ctx, r, c, RPM_VALUED, RPM_PINNED, "DL3041", "Pin versions in " + tool + " install: ", "-<version>");
            }
            if (!installs.isEmpty() && !r.runs(tool, "clean", "all") && !r.removes("/var/cache/dnf")
                && !r.removes("/var/cache/yum") && !r.cacheMount("/var/cache/dnf")) {
                ctx.report("DL3040", ctx.head(r.run()), "Run " + tool + " clean all after " + tool + " install in the same RUN.");
            }
        }
    }

    private static void zypper(LintContext ctx, ShellRun r) {
        var installs = r.sub("zypper", ZYPPER_VALUED, "install", "in");
        for (Command c : r.sub("zypper", ZYPPER_VALUED, "install", "in", "remove", "rm", "source-install", "si", "patch",
            "update", "up", "dist-upgrade", "dup")) {
            if (!c.hasAnyFlag("n", "non-interactive", "y", "no-confirm")) {
                ctx.report("DL3034", r.script().range(c), "Use zypper's non-interactive switch: zypper --non-interactive "
                    + c.operands(ZYPPER_VALUED).get(0).value() + " (or -n, -y).");
            }
        }
        for (Command c : r.sub("zypper", ZYPPER_VALUED, "dist-upgrade", "dup")) {
            ctx.report("DL3035", r.script().range(c), "Do not use zypper dist-upgrade in a build; pin the base image instead.");
        }
        for (Command c : installs) {
            unpinned(ctx, r, c, ZYPPER_VALUED, p -> p.matches(".*[=<>].*") || p.endsWith(".rpm"), "DL3037",
                "Pin versions in zypper install: ", "=<version>");
        }
        if (!installs.isEmpty() && !r.runs("zypper", "clean") && !r.runs("zypper", "cc")
            && !r.cacheMount("/var/cache/zypp")) {
            ctx.report("DL3036", ctx.head(r.run()), "Run zypper clean after zypper install in the same RUN.");
        }
    }

    /** Reports each literal package operand that the predicate does not call pinned. */
    static void unpinned(LintContext ctx, ShellRun r, Command c, Set<String> valued, Predicate<String> pinned,
                         String rule, String prefix, String suffix) {
        for (Word p : ShellRun.packages(c, valued)) {
            if (p.literal() && !pinned.test(p.value())) {
                ctx.report(rule, r.script().range(p), prefix + p.value() + suffix + ".");
            }
        }
    }
}
