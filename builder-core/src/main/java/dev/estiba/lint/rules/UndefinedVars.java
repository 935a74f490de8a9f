package dev.estiba.lint.rules;

import dev.estiba.grammar.tree.ArgDeclaration;
import dev.estiba.grammar.tree.ArgList;
import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.KeyValue;
import dev.estiba.grammar.tree.KeyValueList;
import dev.estiba.grammar.tree.Keyword;
import dev.estiba.lint.LintContext;
import dev.estiba.lint.Stage;
import dev.estiba.lint.Vars;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * UndefinedVar: {@code $VAR} in an instruction the builder expands, defined by no ARG or ENV of the
 * stage (or of the stages it builds on). The base image's environment is not known without pulling
 * it, so names that common base images define are taken as defined.
 */
final class UndefinedVars implements Check {
    private static final Set<Keyword> EXPANDED = Set.of(Keyword.ADD, Keyword.COPY, Keyword.ENV, Keyword.EXPOSE,
        Keyword.LABEL, Keyword.STOPSIGNAL, Keyword.USER, Keyword.VOLUME, Keyword.WORKDIR);
    /** ARGs BuildKit predefines. */
    private static final Set<String> PREDEFINED = Set.of("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy",
        "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy");
    /** Environment names base images commonly set; without the image we cannot tell. */
    private static final Set<String> BASE_ENV = Set.of("PATH", "HOME", "HOSTNAME", "LANG", "LC_ALL", "LANGUAGE",
        "TERM", "USER", "PWD", "SHELL", "JAVA_HOME", "JAVA_VERSION", "GOPATH", "GOROOT", "GOLANG_VERSION",
        "NODE_VERSION", "YARN_VERSION", "PYTHON_VERSION", "PYTHON_PIP_VERSION", "PIP_NO_CACHE_DIR", "RUBY_VERSION",
        "GEM_HOME", "BUNDLE_PATH", "BUNDLE_APP_CONFIG", "PHP_VERSION", "PHP_INI_DIR", "NGINX_VERSION",
        "LD_LIBRARY_PATH", "CARGO_HOME", "RUSTUP_HOME", "RUST_VERSION", "MAVEN_HOME", "GRADLE_HOME", "DEBIAN_FRONTEND",
        "APP_HOME", "CATALINA_HOME", "TOMCAT_VERSION", "DOTNET_VERSION", "ASPNETCORE_URLS", "PG_MAJOR", "PG_VERSION",
        "PGDATA", "MYSQL_VERSION", "REDIS_VERSION", "HTTPD_PREFIX", "LANG_ALL", "TZ");

    @Override
    public void check(LintContext ctx) {
        for (Stage s : ctx.stages()) {
            Set<String> defined = new HashSet<>(PREDEFINED);
            defined.addAll(FromImage.PLATFORM_ARGS);
            for (Stage p = ctx.parentStage(s); p != null; p = ctx.parentStage(p)) {
                for (Instruction i : p.instructions()) {
                    if (i.keyword() == Keyword.ENV) {
                        define(i, defined);
                    }
                }
            }
            for (Instruction i : s.instructions()) {
                if (EXPANDED.contains(i.keyword())) {
                    check(ctx, i, defined);
                }
                define(i, defined);
            }
        }
    }

    private static void check(LintContext ctx, Instruction i, Set<String> defined) {
        String args = i.arguments().text();
        int base = i.arguments().range().start().offset();
        Set<String> reported = new LinkedHashSet<>();
        for (Vars.Ref r : Vars.refs(args, ctx.tree().escape())) {
            String n = r.name();
            if (defined.contains(n) || BASE_ENV.contains(n) || !reported.add(n)) {
                continue;
            }
            String hint = Vars.suggest(n, defined.stream().filter(d -> !PREDEFINED.contains(d)).sorted().toList());
            int start = base + r.start();
            if (!ctx.text().startsWith(args.substring(r.start(), r.end()), start)) {
                start = base; // continued lines: the text is joined, point at the arguments
            }
            ctx.report("UndefinedVar", ctx.lines().range(start, start + r.end() - r.start()), "Usage of undefined variable '$"
                + n + "'" + (hint == null ? "" : " (did you mean $" + hint + "?)") + "; define it with ARG or ENV first.");
        }
    }

    private static void define(Instruction i, Set<String> defined) {
        if (i.arguments() instanceof ArgList a) {
            for (ArgDeclaration d : a.declarations()) {
                defined.add(d.name());
            }
        } else if (i.keyword() == Keyword.ENV && i.arguments() instanceof KeyValueList kv) {
            for (KeyValue p : kv.pairs()) {
                defined.add(Workdirs.unquote(p.key()));
            }
        }
    }
}
