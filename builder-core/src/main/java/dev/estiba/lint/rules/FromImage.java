package dev.estiba.lint.rules;

import dev.estiba.grammar.tree.Flag;
import dev.estiba.lint.LintContext;
import dev.estiba.lint.Stage;
import dev.estiba.lint.Vars;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The FROM rules: UndefinedArgInFrom, InvalidDefaultArgInFrom, RedundantTargetPlatform, DL3065,
 * FromPlatformFlagConstDisallowed, DL3029, DL3006, DL3007, DL3026 and InvalidBaseImagePlatform.
 */
final class FromImage implements Check {
    /** The build platform ARGs BuildKit defines in the global scope. */
    static final Set<String> PLATFORM_ARGS = Set.of("BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
        "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT");

    @Override
    public void check(LintContext ctx) {
        for (Stage s : ctx.stages()) {
            Flag platform = s.from().flag("platform").orElse(null);
            undefinedArgs(ctx, s, platform);
            if (platform != null) {
                platformRules(ctx, s, platform);
            }
            if (s.image() == null) {
                continue;
            }
            String image = s.imageText();
            if (image.contains("$")) {
                invalidDefault(ctx, s, image);
            }
            if (image.equalsIgnoreCase("scratch") || ctx.stageNamed(image, s.index()) != null) {
                continue;
            }
            String tag = ImageRefs.tag(image);
            if (tag == null && !ImageRefs.hasDigest(image)) {
                ctx.report("DL3006", s.image(), "Tag the image version explicitly: " + image + ":<version>.");
            } else if ("latest".equals(tag)) {
                ctx.report("DL3007", s.image(), "Do not use the latest tag (" + image + "); pin a release tag.");
            }
            if (image.contains("$")) {
                continue;
            }
            trustedRegistry(ctx, s, image);
            String known = ctx.basePlatforms().get(image);
            String wanted = platform == null ? null : platform.value().orElse("");
            if (known != null && wanted != null && !wanted.contains("$") && !known.equals(wanted)) {
                ctx.report("InvalidBaseImagePlatform", s.image(), "Base image " + image + " was pulled with platform "
                    + known + ", expected " + wanted + " for the current build.");
            }
        }
    }

    private static void undefinedArgs(LintContext ctx, Stage s, Flag platform) {
        for (Vars.Ref r : Vars.refs(s.imageText() + " " + (platform == null ? "" : platform.value().orElse("")), '\\')) {
            if (ctx.globalArgs().containsKey(r.name()) || PLATFORM_ARGS.contains(r.name())) {
                continue;
            }
            String hint = Vars.suggest(r.name(), ctx.globalArgs().keySet());
            ctx.report("UndefinedArgInFrom", ctx.head(s.from()), "FROM argument '" + r.name() + "' is not declared"
                + (hint == null ? "" : " (did you mean " + hint + "?)") + "; declare it with ARG before the first FROM.");
        }
    }

    private static void platformRules(LintContext ctx, Stage s, Flag platform) {
        String value = platform.value().orElse("");
        if (value.isEmpty()) {
            return;
        }
        ctx.report("DL3029", platform, "Do not use --platform with FROM (" + platform.text() + ").");
        if (value.equals("$TARGETPLATFORM") || value.equals("${TARGETPLATFORM}")) {
            ctx.report("RedundantTargetPlatform", platform,
                "Setting platform to predefined " + value + " in FROM is redundant, as this is the default behavior.");
            ctx.report("DL3065", platform, "FROM --platform=" + value + " is redundant; it is the default.");
        } else if (!value.contains("$")) {
            String name = s.name() == null ? "" : s.name();
            boolean named = false;
            for (String part : value.toLowerCase(Locale.ROOT).split("/")) {
                named |= !part.isEmpty() && name.contains(part);
            }
            if (!named) {
                ctx.report("FromPlatformFlagConstDisallowed", platform, "FROM --platform flag should not use a constant value ("
                    + value + "); use a build argument such as $BUILDPLATFORM.");
            }
        }
    }

    private static void invalidDefault(LintContext ctx, Stage s, String image) {
        Map<String, String> values = new HashMap<>();
        ctx.globalArgs().forEach((k, v) -> values.put(k, v == null ? "" : Vars.expand(v, values)));
        for (String p : PLATFORM_ARGS) {
            values.putIfAbsent(p, p.endsWith("PLATFORM") ? "linux/amd64" : p.endsWith("OS") ? "linux" : "amd64");
        }
        String expanded = Vars.expand(image, values);
        if (expanded.isEmpty() || !ImageRefs.valid(expanded)) {
            ctx.report("InvalidDefaultArgInFrom", s.image(), "Default value for ARG " + image
                + " results in empty or invalid base image name" + (expanded.isEmpty() ? "" : " '" + expanded + "'")
                + "; give the ARG a default that names an image.");
        }
    }

    private static void trustedRegistry(LintContext ctx, Stage s, String image) {
        if (ctx.config().trustedRegistries().isEmpty()) {
            return;
        }
        String registry = ImageRefs.registry(image);
        for (String glob : ctx.config().trustedRegistries()) {
            if (ImageRefs.globMatches(glob, registry)) {
                return;
            }
        }
        ctx.report("DL3026", s.image(), "Use only an allowed registry in FROM: " + registry + " is not in "
            + String.join(", ", ctx.config().trustedRegistries()) + ".");
    }
}
