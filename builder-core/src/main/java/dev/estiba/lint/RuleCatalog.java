package dev.estiba.lint;

import static dev.estiba.lint.Severity.ERROR;
import static dev.estiba.lint.Severity.IGNORE;
import static dev.estiba.lint.Severity.INFO;
import static dev.estiba.lint.Severity.STYLE;
import static dev.estiba.lint.Severity.WARNING;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every rule estiba knows, with its default severity and one-line summary. BuildKit checks have no
 * severity of their own (BuildKit reports them all as warnings); hadolint's defaults are kept.
 */
public final class RuleCatalog {
    /** The id of the finding a Dockerfile that does not parse gives. */
    public static final String PARSE_ERROR = "DL1000";

    private static final Map<String, RuleInfo> RULES = new LinkedHashMap<>();

    static {
        estiba(PARSE_ERROR, ERROR, "The Dockerfile does not parse.");
        buildkit("StageNameCasing", "Stage names should be lowercase.");
        buildkit("FromAsCasing", "The AS keyword should match the case of the FROM keyword.");
        buildkit("NoEmptyContinuation", "Empty continuation lines will become errors in a future release.");
        buildkit("ConsistentInstructionCasing", "All instructions should use the same casing, upper or lower.");
        buildkit("DuplicateStageName", "Stage names must be unique.");
        buildkit("ReservedStageName", "Reserved words (scratch, context) cannot be stage names.");
        buildkit("JSONArgsRecommended", "Use JSON arguments for ENTRYPOINT and CMD so that signals reach the process.");
        buildkit("MaintainerDeprecated", "MAINTAINER is deprecated; use a LABEL instead.");
        buildkit("UndefinedArgInFrom", "FROM uses a build argument that is not declared before the first FROM.");
        buildkit("WorkdirRelativePath", "A relative WORKDIR depends on the base image's working directory.");
        buildkit("UndefinedVar", "A variable is used that no ARG, ENV or base image defines.");
        buildkit("MultipleInstructionsDisallowed", "Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect.");
        buildkit("LegacyKeyValueFormat", "Use the key=value form for ENV and LABEL.");
        buildkit("RedundantTargetPlatform", "--platform=$TARGETPLATFORM is the default and can be left out.");
        buildkit("SecretsUsedInArgOrEnv", "Secrets should not be passed in ARG or ENV; use secret mounts.");
        buildkit("InvalidDefaultArgInFrom", "The default value of a build argument leaves a FROM without a valid image.");
        buildkit("FromPlatformFlagConstDisallowed", "FROM --platform should not be a constant.");
        experimental("CopyIgnoredFile", "COPY or ADD names a path that .dockerignore excludes.");
        experimental("InvalidDefinitionDescription", "A comment above a stage or ARG should start with its name.");
        buildkit("ExposeProtoCasing", "EXPOSE protocols should be lowercase.");
        buildkit("ExposeInvalidFormat", "EXPOSE takes ports, not IP addresses or host:container mappings.");
        buildkit("InvalidBaseImagePlatform", "The base image's platform differs from the platform the stage builds for.");

        hadolint("DL1001", IGNORE, "Avoid inline ignore pragmas (# hadolint ignore=...).");
        hadolint("DL3000", ERROR, "Use an absolute WORKDIR.");
        hadolint("DL3001", INFO, "This command makes little sense in a container (ssh, vim, shutdown, service, ps, free, top, kill, mount, ifconfig).");
        hadolint("DL3002", WARNING, "The last USER should not be root.");
        hadolint("DL3003", WARNING, "Use WORKDIR to change directory instead of cd.");
        hadolint("DL3004", ERROR, "Do not use sudo; it behaves unpredictably in a build. Run as the right USER, or use gosu.");
        hadolint("DL3006", WARNING, "Tag the image version explicitly.");
        hadolint("DL3007", WARNING, "Do not use the latest tag; pin a release tag.");
        hadolint("DL3008", WARNING, "Pin versions in apt-get install (apt-get install <package>=<version>).");
        hadolint("DL3009", INFO, "Delete the apt lists (rm -rf /var/lib/apt/lists/*) after apt-get install.");
        hadolint("DL3010", INFO, "Use ADD to extract a local archive into the image.");
        hadolint("DL3011", ERROR, "Valid ports range from 0 to 65535.");
        hadolint("DL3012", ERROR, "A stage may have only one HEALTHCHECK.");
        hadolint("DL3013", WARNING, "Pin versions in pip install (pip install <package>==<version>).");
        hadolint("DL3014", WARNING, "Use the -y switch with apt-get install.");
        hadolint("DL3015", INFO, "Avoid extra packages with apt-get install --no-install-recommends.");
        hadolint("DL3016", WARNING, "Pin versions in npm install (npm install <package>@<version>).");
        hadolint("DL3018", WARNING, "Pin versions in apk add (apk add <package>=<version>).");
        hadolint("DL3019", INFO, "Use apk add --no-cache instead of --update and cleaning /var/cache/apk.");
        hadolint("DL3020", ERROR, "Use COPY instead of ADD for files and folders.");
        hadolint("DL3021", ERROR, "COPY with more than two arguments needs a destination ending in /.");
        hadolint("DL3022", WARNING, "COPY --from should name a stage defined earlier.");
        hadolint("DL3023", ERROR, "COPY --from cannot name its own stage.");
        hadolint("DL3024", ERROR, "Stage names (FROM ... AS name) must be unique.");
        hadolint("DL3025", WARNING, "Use the JSON form for CMD and ENTRYPOINT.");
        hadolint("DL3026", ERROR, "Use only an allowed registry in FROM.");
        hadolint("DL3027", WARNING, "Do not use apt in scripts; use apt-get or apt-cache.");
        hadolint("DL3028", WARNING, "Pin versions in gem install (gem install <gem>:<version>).");
        hadolint("DL3029", WARNING, "Do not use --platform with FROM.");
        hadolint("DL3030", WARNING, "Use the -y switch with yum install.");
        hadolint("DL3032", WARNING, "Run yum clean all after yum install.");
        hadolint("DL3033", WARNING, "Pin versions in yum install (yum install <package>-<version>).");
        hadolint("DL3034", WARNING, "Use zypper's non-interactive switch (zypper install -y).");
        hadolint("DL3035", WARNING, "Do not use zypper dist-upgrade.");
        hadolint("DL3036", WARNING, "Run zypper clean after zypper install.");
        hadolint("DL3037", WARNING, "Pin versions in zypper install (zypper install <package>=<version>).");
        hadolint("DL3038", WARNING, "Use the -y switch with dnf install.");
        hadolint("DL3040", WARNING, "Run dnf clean all after dnf install.");
        hadolint("DL3041", WARNING, "Pin versions in dnf install (dnf install <package>-<version>).");
        hadolint("DL3042", WARNING, "Avoid the pip cache with pip install --no-cache-dir.");
        hadolint("DL3043", ERROR, "ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER.");
        hadolint("DL3044", ERROR, "Do not use a variable in the same ENV instruction that defines it.");
        hadolint("DL3045", WARNING, "COPY to a relative destination needs a WORKDIR set first.");
        hadolint("DL3046", WARNING, "useradd with a high UID needs -l, or the lastlog file makes the image huge.");
        hadolint("DL3047", INFO, "Use wget --progress=dot:giga (or -q) to keep build logs small.");
        hadolint("DL3048", STYLE, "The label key is not valid.");
        hadolint("DL3049", INFO, "A label required by the label schema is missing.");
        hadolint("DL3050", INFO, "A label not in the label schema is present (strict labels).");
        hadolint("DL3051", WARNING, "The label is empty.");
        hadolint("DL3052", WARNING, "The label is not a valid URL.");
        hadolint("DL3053", WARNING, "The label is not an RFC 3339 time.");
        hadolint("DL3054", WARNING, "The label is not an SPDX license identifier.");
        hadolint("DL3055", WARNING, "The label is not a git commit hash.");
        hadolint("DL3056", WARNING, "The label is not a semantic version.");
        hadolint("DL3057", IGNORE, "The image has no HEALTHCHECK.");
        hadolint("DL3058", WARNING, "The label is not an RFC 5322 email address.");
        hadolint("DL3059", INFO, "Consecutive RUN instructions; consider joining them.");
        hadolint("DL3060", INFO, "Run yarn cache clean after yarn install.");
        hadolint("DL3061", ERROR, "A Dockerfile must begin with FROM, ARG or a comment.");
        hadolint("DL3062", WARNING, "Pin versions in go install (go install <package>@<version>).");
        hadolint("DL3065", WARNING, "FROM --platform=$TARGETPLATFORM is redundant; it is the default.");
        hadolint("DL3066", INFO, "A non-numeric USER may not resolve on the host.");
        hadolint("DL4000", ERROR, "MAINTAINER is deprecated; use a LABEL.");
        hadolint("DL4001", WARNING, "Use either wget or curl, not both.");
        hadolint("DL4003", WARNING, "A stage may have only one CMD; only the last takes effect.");
        hadolint("DL4004", ERROR, "A stage may have only one ENTRYPOINT; only the last takes effect.");
        hadolint("DL4005", WARNING, "Use SHELL to change the default shell, not a RUN that relinks /bin/sh.");
        hadolint("DL4006", WARNING, "Set SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before a RUN with a pipe.");
    }

    private RuleCatalog() {
    }

    private static void add(RuleInfo r) {
        RULES.put(r.id(), r);
    }

    private static void estiba(String id, Severity s, String summary) {
        add(new RuleInfo(id, s, summary, RuleSource.ESTIBA, false));
    }

    private static void buildkit(String id, String summary) {
        add(new RuleInfo(id, WARNING, summary, RuleSource.BUILDKIT, false));
    }

    private static void experimental(String id, String summary) {
        add(new RuleInfo(id, WARNING, summary, RuleSource.BUILDKIT, true));
    }

    private static void hadolint(String id, Severity s, String summary) {
        add(new RuleInfo(id, s, summary, RuleSource.HADOLINT, false));
    }

    /** All rules in catalog order (estiba, BuildKit, hadolint). */
    public static Collection<RuleInfo> all() {
        return Collections.unmodifiableCollection(RULES.values());
    }

    /**
     * The rule with this id. ShellCheck codes ({@code SC2086}) are made on demand with a warning
     * default; an unknown id gives null.
     */
    public static RuleInfo get(String id) {
        RuleInfo r = RULES.get(id);
        if (r == null && id.matches("SC\\d{4}")) {
            return new RuleInfo(id, WARNING, "ShellCheck " + id, RuleSource.SHELLCHECK, false);
        }
        return r;
    }
}
