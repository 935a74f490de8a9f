package dev.estiba.lint.rules;

import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.KeyValueList;
import dev.estiba.grammar.tree.Keyword;
import dev.estiba.lint.LintContext;
import dev.estiba.lint.shell.Command;
import dev.estiba.lint.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Language package managers in RUN scripts: pip (DL3013, DL3042), npm (DL3016), gem (DL3028),
 * go install (DL3062) and yarn (DL3060).
 */
final class LanguagePackages implements Check {
    private static final Set<String> PIP_VALUED = Set.of("r", "requirement", "c", "constraint", "e", "editable",
        "i", "index-url", "extra-index-url", "f", "find-links", "t", "target", "prefix", "root", "platform",
        "python-version", "trusted-host", "src", "upgrade-strategy", "progress-bar", "cache-dir", "log", "implementation",
        "abi", "only-binary", "no-binary", "config-settings", "C", "global-option", "report");
    private static final Set<String> NPM_VALUED = Set.of("registry", "prefix", "cache", "userconfig", "w", "workspace", "omit");
    private static final Set<String> GEM_VALUED = Set.of("v", "version", "i", "install-dir", "n", "bindir", "s", "source",
        "P", "trust-policy", "platform", "g", "file");

    @Override
    public void check(LintContext ctx) {
        for (ShellRun r : ShellRun.all(ctx)) {
            pip(ctx, r);
            for (Command c : r.sub("npm", NPM_VALUED, "install")) {
                PackageManagers.unpinned(ctx, r, c, NPM_VALUED, LanguagePackages::npmPinned, "DL3016",
                    "Pin versions in npm install: ", "@<version>");
            }
            for (Command c : r.sub("gem", GEM_VALUED, "install", "i")) {
                if (c.flagValue("v", "version") == null) {
                    PackageManagers.unpinned(ctx, r, c, GEM_VALUED, p -> p.contains(":") || p.endsWith(".gem"), "DL3028",
                        "Pin versions in gem install: ", ":<version>");
                }
            }
            for (Command c : r.sub("go", Set.of(), "install")) {
                PackageManagers.unpinned(ctx, r, c, Set.of(), p -> p.contains("@") || p.startsWith(".") || p.startsWith("/"),
                    "DL3062", "Pin versions in go install: ", "@<version>");
            }
            List<Command> yarnInstalls = r.sub("yarn", Set.of(), "install");
            if (!yarnInstalls.isEmpty() && !r.runs("yarn", "cache", "clean") && !r.cacheMount("/usr/local/share/.cache/yarn")
                && !yarnCacheMounted(r)) {
                ctx.report("DL3060", r.script().range(yarnInstalls.get(0)),
                    "Run yarn cache clean after yarn install in the same RUN, or use a cache mount.");
            }
        }
    }

    private static boolean yarnCacheMounted(ShellRun r) {
        return r.run().flags("mount").stream().anyMatch(f -> f.value().orElse("").contains("type=cache")
            && f.value().orElse("").contains("yarn"));
    }

    /** The pip install commands: pip, pip3, pip3.12 and python -m pip; each as argv from "install" on. */
    private static void pip(LintContext ctx, ShellRun r) {
        for (Command c : r.commands()) {
            List<Word> args = pipArgs(c);
            if (args == null || args.isEmpty() || !args.get(0).value().equals("install")) {
                continue;
            }
            Command install = new Command(List.of(), args, List.of(), c.start(), c.end(), c.pipeline(), c.nested());
            boolean fromFile = install.flagValue("r", "requirement") != null || install.hasAnyFlag("c", "constraint")
                || install.argValues().contains(".");
            if (!fromFile) {
                for (Word p : install.operands(PIP_VALUED)) {
                    if (p.literal() && !p.value().equals("install") && !pipPinned(p.value())) {
                        ctx.report("DL3013", r.script().range(p), "Pin versions in pip install: " + p.value() + "==<version>.");
                    }
                }
            }
            if (!install.hasAnyFlag("no-cache-dir") && !pipNoCacheEnv(ctx, r) && !r.cacheMount("/root/.cache/pip")
                && !r.cacheMount("/root/.cache")) {
                ctx.report("DL3042", r.script().range(c), "Avoid the pip cache: pip install --no-cache-dir.");
            }
        }
    }

    private static List<Word> pipArgs(Command c) {
        String n = c.baseName();
        if (versioned(n, "pip")) {
            return c.args();
        }
        List<Word> a = c.args();
        if (versioned(n, "python") && a.size() >= 2 && a.get(0).value().equals("-m") && a.get(1).value().equals("pip")) {
            return new ArrayList<>(a.subList(2, a.size()));
        }
        return null;
    }

    /** {@code name} is {@code base} followed by version characters only ({@code [0-9.]*}): pip, pip3, python3.12. */
    private static boolean versioned(String name, String base) {
        if (!name.startsWith(base)) {
            return false;
        }
        for (int i = base.length(); i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> TRUTHY = Set.of("1", "true", "True", "TRUE", "on", "On", "ON", "yes", "Yes", "YES");

    /** PIP_NO_CACHE_DIR set to a true value by an ENV of the stage (or its parents) or in the script. */
    private static boolean pipNoCacheEnv(LintContext ctx, ShellRun r) {
        for (dev.estiba.lint.Stage s = r.stage(); s != null; s = ctx.parentStage(s)) {
            for (Instruction i : s.instructions()) {
                if (i == r.run()) {
                    break;
                }
                if (i.keyword() == Keyword.ENV && i.arguments() instanceof KeyValueList kv && kv.pairs().stream()
                    .anyMatch(p -> Workdirs.unquote(p.key()).equals("PIP_NO_CACHE_DIR") && TRUTHY.contains(Workdirs.unquote(p.value())))) {
                    return true;
                }
            }
        }
        return r.commands().stream().flatMap(c -> c.assignments().stream())
            .anyMatch(w -> w.value().startsWith("PIP_NO_CACHE_DIR=") && TRUTHY.contains(w.value().substring(17)));
    }

    /** A version specifier, a local wheel or sdist, a path, or a VCS URL with {@code @ref}. */
    static boolean pipPinned(String p) {
        boolean vcs = p.matches("(git|hg|svn|bzr)(\\+[a-z-]+)?(://|:).*");
        return vcs ? p.contains("@") : p.matches(".*(==|>=|<=|~=|!=|<|>).*") || p.contains("/")
            || p.endsWith(".whl") || p.endsWith(".tar.gz");
    }

    /** {@code name@version} (after any {@code @scope/}), a git URL with {@code #ref}, a tarball or a folder. */
    static boolean npmPinned(String p) {
        if (p.matches("git(\\+(ssh|https?))?://.*")) {
            return p.contains("#");
        }
        if (p.endsWith(".tar") || p.endsWith(".tar.gz") || p.endsWith(".tgz") || p.matches("(/|\\./|\\.\\./|~/).*")) {
            return true;
        }
        String unscoped = p.startsWith("@") ? p.substring(Math.max(0, p.indexOf('/'))) : p;
        return unscoped.contains("@");
    }
}
