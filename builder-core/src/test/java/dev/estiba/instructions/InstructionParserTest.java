package dev.estiba.instructions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.grammar.DockerfileParser;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InstructionParserTest {

    static List<Instruction> parse(String text) {
        return InstructionParser.parse(DockerfileParser.parse("Dockerfile", text));
    }

    static Instruction last(String text) {
        List<Instruction> all = parse(text);
        return all.get(all.size() - 1);
    }

    /** Each bad instruction sits on line 2, after a valid FROM. */
    static Stream<Arguments> refused() {
        return Stream.of(
            // flags
            Arguments.of("COPY --frm=a x y", "unknown flag: --frm (did you mean --from?)"),
            Arguments.of("COPY --chwon=1 x y", "unknown flag: --chwon (did you mean --chown?)"),
            Arguments.of("RUN --mont=type=cache,target=/x true", "unknown flag: --mont (did you mean --mount?)"),
            Arguments.of("COPY --bogus x y", "unknown flag: --bogus"),
            Arguments.of("ENV --x=1 a=b", "unknown flag: --x (ENV takes no flags)"),
            Arguments.of("ADD --from=build x y", "flag --from is not allowed on ADD (only on COPY)"),
            Arguments.of("COPY --checksum=sha256:00 x y", "flag --checksum is not allowed on COPY (only on ADD)"),
            Arguments.of("RUN --platform=linux/amd64 true", "flag --platform is not allowed on RUN (only on FROM)"),
            Arguments.of("COPY --from x y", "missing a value on flag: --from (write --from=VALUE)"),
            Arguments.of("COPY --link= x y", "missing a value on flag: --link"),
            Arguments.of("COPY --link=yes x y", "expecting boolean value for flag --link, not: yes"),
            Arguments.of("COPY --from=a --from=b x y", "duplicate flag specified: --from"),
            Arguments.of("COPY --link --link=false x y", "duplicate flag specified: --link"),
            // argument counts and forms
            Arguments.of("COPY x", "COPY requires at least two arguments, but only one was provided. "
                + "Destination could not be determined."),
            Arguments.of("ADD [\"x\"]", "ADD requires at least two arguments, but only one was provided. "
                + "Destination could not be determined."),
            Arguments.of("FROM a b", "FROM requires either one or three arguments"),
            Arguments.of("FROM a IS b", "Second argument should be AS, not \"IS\""),
            Arguments.of("FROM a AS 1st", "invalid name for build stage: \"1st\", name can't start with a number "
                + "or contain symbols"),
            Arguments.of("FROM a AS b$c", "invalid name for build stage: \"b$c\", name can't start with a number "
                + "or contain symbols"),
            Arguments.of("SHELL /bin/bash -c", "SHELL requires the arguments to be in JSON form, e.g. "
                + "SHELL [\"/bin/sh\", \"-c\"]"),
            Arguments.of("SHELL []", "SHELL requires at least one argument"),
            Arguments.of("VOLUME [\"\"]", "VOLUME specified can not be an empty string"),
            // values
            Arguments.of("COPY --chmod=999 x y", "invalid --chmod value \"999\": expected octal (755) or symbolic "
                + "(u=rwX,go=rX) mode"),
            Arguments.of("COPY --chmod=17777 x y", "invalid --chmod value \"17777\": octal mode above 7777"),
            Arguments.of("ADD --chmod=u+q x y", "invalid --chmod value \"u+q\": expected octal (755) or symbolic "
                + "(u=rwX,go=rX) mode"),
            Arguments.of("EXPOSE 80/http", "invalid port \"80/http\": unknown protocol \"http\" (tcp, udp or sctp)"),
            Arguments.of("EXPOSE 70000", "invalid port \"70000\": expected a number from 0 to 65535, a range such "
                + "as 8000-8010, and an optional /tcp, /udp or /sctp"),
            Arguments.of("EXPOSE 90-80", "invalid port \"90-80\": range ends before it starts"),
            Arguments.of("STOPSIGNAL SIGFOO", "invalid signal: SIGFOO"),
            Arguments.of("STOPSIGNAL 0", "invalid signal: 0"),
            Arguments.of("RUN --network=bridge true", "unsupported network mode \"bridge\" (default, none or host)"),
            Arguments.of("RUN --security=privileged true", "unsupported security mode \"privileged\" "
                + "(sandbox or insecure)"),
            // HEALTHCHECK
            Arguments.of("HEALTHCHECK --interval=5 CMD true", "HEALTHCHECK --interval: time: missing unit in "
                + "duration \"5\""),
            Arguments.of("HEALTHCHECK --timeout=1x CMD true", "HEALTHCHECK --timeout: time: unknown unit \"x\" in "
                + "duration \"1x\""),
            Arguments.of("HEALTHCHECK --start-period=-1s CMD true", "HEALTHCHECK --start-period cannot be negative "
                + "(-1s)"),
            Arguments.of("HEALTHCHECK --interval=500us CMD true", "HEALTHCHECK --interval cannot be less than 1ms "
                + "(500us)"),
            Arguments.of("HEALTHCHECK --retries=x CMD true", "HEALTHCHECK --retries: invalid number \"x\""),
            Arguments.of("HEALTHCHECK --retries=-1 CMD true", "HEALTHCHECK --retries cannot be negative (-1)"),
            Arguments.of("HEALTHCHECK NONE true", "HEALTHCHECK NONE takes no arguments"),
            Arguments.of("HEALTHCHECK RUN true", "Unknown type \"RUN\" in HEALTHCHECK (try CMD)"),
            Arguments.of("HEALTHCHECK --intervl=1s CMD true", "unknown flag: --intervl (did you mean --interval?)"),
            // ONBUILD
            Arguments.of("ONBUILD FROM alpine", "FROM isn't allowed as an ONBUILD trigger"),
            Arguments.of("ONBUILD MAINTAINER me", "MAINTAINER isn't allowed as an ONBUILD trigger"),
            Arguments.of("ONBUILD COPY --frm=a x y", "unknown flag: --frm (did you mean --from?)"),
            // --mount
            Arguments.of("RUN --mount=type=nfs,target=/x true", "invalid --mount=type=nfs,target=/x: unsupported "
                + "mount type \"nfs\" (bind, cache, tmpfs, secret or ssh)"),
            Arguments.of("RUN --mount=type=cache,target=/x,sharing=all true", "invalid --mount=type=cache,"
                + "target=/x,sharing=all: unsupported sharing value \"all\" (shared, private or locked)"),
            Arguments.of("RUN --mount=type=bind,target=/x,mode=0700 true", "invalid --mount=type=bind,target=/x,"
                + "mode=0700: mode not allowed for \"bind\" type mounts"),
            Arguments.of("RUN --mount=type=cache,target=/x,mode=9 true", "invalid --mount=type=cache,target=/x,"
                + "mode=9: invalid value 9 for mode (an octal mode such as 0755)"),
            Arguments.of("RUN --mount=type=cache,target=/x,uid=me true", "invalid --mount=type=cache,target=/x,"
                + "uid=me: invalid value me for uid (a number)"),
            Arguments.of("RUN --mount=type=bind,target=/x,size=1m true", "invalid --mount=type=bind,target=/x,"
                + "size=1m: unexpected key 'size' for mount type 'bind'"),
            Arguments.of("RUN --mount=type=tmpfs,target=/x,size=lots true", "invalid --mount=type=tmpfs,target=/x,"
                + "size=lots: invalid size: 'lots'"),
            Arguments.of("RUN --mount=type=bind,target=/x,required true", "invalid --mount=type=bind,target=/x,"
                + "required: unexpected key 'required' for mount type 'bind'"),
            Arguments.of("RUN --mount=type=secret,id=a,from=b true", "invalid --mount=type=secret,id=a,from=b: "
                + "secret mount should not have a from"),
            Arguments.of("RUN --mount=type=secret,id=a,source=b true", "invalid --mount=type=secret,id=a,source=b: "
                + "both source and id can't be set"),
            Arguments.of("RUN --mount=type=secret true", "invalid --mount=type=secret: invalid secret mount: one of "
                + "source, id, target or env is required"),
            Arguments.of("RUN --mount=type=cache,target=/x,color=red true", "invalid --mount=type=cache,target=/x,"
                + "color=red: unexpected key 'color' in 'color=red'"),
            Arguments.of("RUN --mount=type=cache,target=/x,nope true", "invalid --mount=type=cache,target=/x,nope: "
                + "invalid field 'nope': must be a key=value pair"),
            Arguments.of("RUN --mount=type=bind,target=/x,ro=maybe true", "invalid --mount=type=bind,target=/x,"
                + "ro=maybe: invalid value for ro: maybe"),
            Arguments.of("RUN --mount=from=$STAGE,target=/x true", "invalid --mount=from=$STAGE,target=/x: 'from' "
                + "doesn't support variable expansion, define alias stage instead"),
            Arguments.of("RUN --mount=type=bind,target=/x,sharing=locked true", "invalid --mount=type=bind,"
                + "target=/x,sharing=locked: sharing is only allowed for cache mounts"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesAtItsLine(String instruction, String detail) {
        InstructionException e = assertThrows(InstructionException.class,
            () -> parse("FROM alpine\n" + instruction + "\n"));
        assertEquals(detail, e.detail());
        assertEquals(2, e.line());
        assertEquals("Dockerfile:2: " + detail, e.getMessage());
    }

    @Test
    void fromWithPlatformAndName() {
        FromInstruction f = (FromInstruction) last("FROM --platform=$BUILDPLATFORM golang:1.22 As Build");
        assertEquals("golang:1.22", f.image());
        assertEquals(Optional.of("$BUILDPLATFORM"), f.platform());
        assertEquals(Optional.of("build"), f.stageName());
        assertEquals(1, f.origin().lineNumber());
    }

    @Test
    void copyFlagsAndHeredocSources() {
        CopyInstruction c = (CopyInstruction) last("FROM a\nCOPY --from=b --chown=1:2 --chmod=u=rwX,go=rX --link "
            + "--parents=false --exclude=*.md --exclude=*.txt x <<EOF /dst/\nhello\nEOF\n");
        assertEquals(List.of("x"), c.sources());
        assertEquals("/dst/", c.destination());
        assertEquals(Optional.of("b"), c.from());
        assertEquals(Optional.of("1:2"), c.chown());
        assertTrue(c.mode().orElseThrow().symbolic());
        assertTrue(c.link());
        assertEquals(false, c.parents());
        assertEquals(List.of("*.md", "*.txt"), c.excludes());
        assertEquals(new InlineFile("EOF", "hello\n", true), c.inlineFiles().get(0));
    }

    @Test
    void addFlags() {
        AddInstruction a = (AddInstruction) last("FROM a\nADD --keep-git-dir --checksum=sha256:ab --unpack=False "
            + "--chmod=0644 https://x/y.tgz /z");
        assertTrue(a.keepGitDir());
        assertEquals(Optional.of("sha256:ab"), a.checksum());
        assertEquals(Optional.of(false), a.unpack());
        assertEquals(0644, FileMode.parse(a.chmod().orElseThrow()).octal());
    }

    @Test
    void runMountsGetBuildKitDefaults() {
        RunInstruction r = (RunInstruction) last("FROM a\nRUN --mount=type=secret,target=/run/token,required "
            + "--mount=type=ssh --mount=type=cache,target=/c,sharing=locked,mode=0700,uid=1000 "
            + "--mount=target=/src,rw --mount=type=tmpfs,target=/t,size=64m --network=none make");
        Mount secret = r.mounts().get(0);
        assertEquals(Optional.of("token"), secret.id());
        assertTrue(secret.required());
        assertTrue(secret.readOnly());
        assertEquals(Optional.of("default"), r.mounts().get(1).id());
        Mount cache = r.mounts().get(2);
        assertEquals(Optional.of("/c"), cache.id());
        assertEquals(Optional.of(0700), cache.mode());
        assertEquals(Optional.of(1000L), cache.uid());
        assertEquals(false, cache.readOnly());
        assertEquals(Mount.Type.BIND, r.mounts().get(3).type());
        assertEquals(false, r.mounts().get(3).readOnly());
        assertEquals(Optional.of(64L << 20), r.mounts().get(4).size());
        assertEquals(Optional.of("none"), r.network());
        assertEquals(new Command.Shell("make"), r.command());
    }

    @Test
    void secretWithoutTargetGoesUnderRunSecrets() {
        RunInstruction r = (RunInstruction) last("FROM a\nRUN --mount=type=secret,id=npmrc cat x");
        assertEquals(Optional.of("/run/secrets/npmrc"), r.mounts().get(0).target());
    }

    @Test
    void healthcheckDurationsAndRetries() {
        HealthcheckInstruction h = (HealthcheckInstruction) last("FROM a\nHEALTHCHECK --interval=1m30s "
            + "--timeout=1.5s --start-period=0 --start-interval=300ms --retries=5 CMD [\"curl\", \"-f\", \"x\"]");
        HealthcheckInstruction.Check c = h.check().orElseThrow();
        assertEquals(Duration.ofSeconds(90), c.interval());
        assertEquals(Duration.ofMillis(1500), c.timeout());
        assertEquals(Duration.ZERO, c.startPeriod());
        assertEquals(Duration.ofMillis(300), c.startInterval());
        assertEquals(5, c.retries());
        assertEquals(List.of("CMD", "curl", "-f", "x"), c.test());
        HealthcheckInstruction shell = (HealthcheckInstruction) last("FROM a\nHEALTHCHECK cmd curl -f x || exit 1");
        assertEquals(List.of("CMD-SHELL", "curl -f x || exit 1"), shell.check().orElseThrow().test());
        assertTrue(((HealthcheckInstruction) last("FROM a\nHEALTHCHECK none")).check().isEmpty());
    }

    @Test
    void onbuildKeepsTheTriggerText() {
        OnbuildInstruction o = (OnbuildInstruction) last("FROM a\nONBUILD COPY --chown=1 . /app");
        assertTrue(o.trigger() instanceof CopyInstruction);
        assertEquals("COPY --chown=1 . /app", o.expression());
    }

    @Test
    void valuesWithVariablesAreCheckedWhenExpanded() {
        ExposeInstruction e = (ExposeInstruction) last("FROM a\nEXPOSE $PORTS");
        Expander ports = new Expander() {
            @Override
            public String word(String text) {
                return "80 443/udp";
            }

            @Override
            public List<String> words(String text) {
                return List.of("80", "443/udp");
            }
        };
        assertEquals(List.of("80", "443/udp"), e.expand(ports).ports());
        StopsignalInstruction s = (StopsignalInstruction) last("FROM a\nSTOPSIGNAL $SIG");
        InstructionException bad = assertThrows(InstructionException.class, () -> s.expand(ports));
        assertEquals("Dockerfile:2: invalid signal: 80 443/udp", bad.getMessage());
    }

    @Test
    void emptyCommandsAreAcceptedAsBuildKitDoes() {
        List<Instruction> all = parse("FROM a\nRUN\nCMD\nENTRYPOINT\n");
        assertEquals(new Command.Shell(""), ((RunInstruction) all.get(1)).command());
        assertEquals(new Command.Shell(""), ((CmdInstruction) all.get(2)).command());
        assertEquals(new Command.Shell(""), ((EntrypointInstruction) all.get(3)).command());
    }

    @Test
    void bareDoubleDashEndsFlags() {
        // "--" ends flag parsing; what follows are arguments
        List<Instruction> all = parse("FROM a\nCOPY --link -- x y\n");
        CopyInstruction c = (CopyInstruction) all.get(1);
        assertTrue(c.link());
    }
}
