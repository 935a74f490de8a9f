package dev.estiba.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.grammar.DockerfileParser;
import dev.estiba.instructions.EnvInstruction;
import dev.estiba.instructions.InstructionException;
import dev.estiba.instructions.KeyValue;
import dev.estiba.instructions.LabelInstruction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ARG and ENV scoping, one test per rule of issue 3 §3. */
class ScopingTest {
    static final PlanOptions AMD64 = PlanOptions.defaults()
        .withTargetPlatform(Platform.parse("linux/amd64"));

    static Plan plan(String text, PlanOptions options) {
        return Planner.plan(DockerfileParser.parse("Dockerfile", text), options);
    }

    static Plan plan(String text) {
        return plan(text, AMD64);
    }

    /** The LABEL values of the target stage's last LABEL step: a probe for what a word expands to. */
    static Map<String, String> probe(Plan plan) {
        List<Step> steps = plan.targetStage().steps();
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).expanded().orElseThrow() instanceof LabelInstruction l) {
                Map<String, String> m = new java.util.LinkedHashMap<>();
                for (KeyValue kv : l.pairs()) {
                    m.put(kv.key(), kv.value());
                }
                return m;
            }
        }
        throw new AssertionError("no LABEL");
    }

    @Test
    void globalArgsAreVisibleInFromOnly() {
        Plan p = plan("ARG V=3.19\nFROM alpine:$V\nLABEL v=\"[$V]\"\n");
        assertEquals("alpine:3.19", p.targetStage().base().reference());
        assertEquals(Map.of("v", "[]"), probe(p));
        assertEquals(List.of("V"), List.copyOf(p.targetStage().steps().get(0).unset()));
    }

    @Test
    void redeclaringAGlobalArgBringsItsValueIntoTheStage() {
        Plan p = plan("ARG V=3.19\nFROM alpine\nARG V\nLABEL v=$V\n");
        assertEquals(Map.of("v", "3.19"), probe(p));
        Plan overridden = plan("ARG V=3.19\nFROM alpine\nARG V\nLABEL v=$V\n", AMD64.withBuildArgs(Map.of("V", "9")));
        assertEquals(Map.of("v", "9"), probe(overridden));
    }

    @Test
    void globalDefaultsExpandWithEarlierGlobals() {
        Plan p = plan("ARG A=1\nARG B=${A}2 C=$B\nFROM x${B}${C}\n");
        assertEquals("x1212", p.targetStage().base().reference());
        assertEquals(Optional.of("12"), p.globalArgs().get(2).value());
    }

    @Test
    void stageArgsApplyFromTheirLineOn() {
        Plan p = plan("FROM a\nLABEL before=${X:-fallback}\nARG X=set\nLABEL after=${X:-fallback}\n");
        assertEquals(Map.of("before", "fallback"),
            Map.of("before", ((LabelInstruction) p.targetStage().steps().get(0).expanded().orElseThrow())
                .pairs().get(0).value()));
        assertEquals(Map.of("after", "set"), probe(p));
    }

    @Test
    void argDefaultsSeeEarlierArgsOnTheSameLine() {
        assertEquals(Map.of("v", "1-12"), probe(plan("FROM a\nARG a=1 b=${a}2\nLABEL v=$a-$b\n")));
    }

    @Test
    void buildArgOverridesTheDefault() {
        Plan p = plan("FROM a\nARG X=default\nLABEL v=$X\n", AMD64.withBuildArgs(Map.of("X", "given")));
        assertEquals(Map.of("v", "given"), probe(p));
        assertTrue(p.buildArgs().get(0).consumed());
    }

    @Test
    void anArgWithoutDefaultOrBuildArgIsUnset() {
        Plan p = plan("FROM a\nARG X\nLABEL v=${X-unset} w=${X:+set}\n");
        assertEquals(Map.of("v", "unset", "w", ""), probe(p));
        assertEquals(Optional.empty(), p.stageArgs().get(0).value());
    }

    @Test
    void unusedBuildArgsAreWarnedAbout() {
        Plan p = plan("ARG G\nFROM a\nARG S\nFROM b AS other\nARG O\n",
            AMD64.withBuildArgs(Map.of("G", "1", "S", "2", "NOPE", "3", "HTTP_PROXY", "http://p", "O", "4"))
                .withTarget("other"));
        Map<String, Boolean> consumed = new java.util.TreeMap<>();
        p.buildArgs().forEach(u -> consumed.put(u.name(), u.consumed()));
        // S is declared only in the pruned first stage
        assertEquals(Map.of("G", true, "S", false, "NOPE", false, "HTTP_PROXY", true, "O", true), consumed);
        assertEquals("one or more build-args [NOPE, S] were not consumed", p.warnings().get(0));
    }

    @Test
    void envOverridesAnArgOfTheSameName() {
        Plan p = plan("FROM a\nARG X=arg\nENV X=env\nLABEL v=$X\n", AMD64.withBuildArgs(Map.of("X", "given")));
        assertEquals(Map.of("v", "env"), probe(p));
    }

    @Test
    void anArgAfterAnEnvOfTheSameNameWinsForExpansionButNotInTheImage() {
        // BuildKit assigns both into one build environment; only ENV reaches the image config
        Plan p = plan("FROM a\nENV X=env\nARG X=arg\nLABEL v=$X\n");
        assertEquals(Map.of("v", "arg"), probe(p));
        Step label = p.targetStage().steps().get(2);
        assertEquals("env", label.env().get("X"));
        assertEquals("arg", label.args().get("X"));
    }

    @Test
    void sbomScanArgsNeverEnterTheEnvironment() {
        Plan p = plan("FROM a\nARG BUILDKIT_SBOM_SCAN_STAGE=true\nLABEL v=${BUILDKIT_SBOM_SCAN_STAGE:-none}\n");
        assertEquals(Map.of("v", "none"), probe(p));
    }

    @Test
    void argThenEnvPersistsABuildArg() {
        Plan p = plan("FROM a\nARG V\nENV V=${V:-dflt}\nLABEL v=$V\n", AMD64.withBuildArgs(Map.of("V", "x")));
        assertEquals(Map.of("v", "x"), probe(p));
        assertEquals(Map.of("v", "dflt"), probe(plan("FROM a\nARG V\nENV V=${V:-dflt}\nLABEL v=$V\n")));
    }

    @Test
    void envSeesTheValuesFromBeforeTheInstruction() {
        Plan p = plan("FROM a\nENV abc=hello\nENV abc=bye def=$abc\nLABEL abc=$abc def=$def\n");
        assertEquals(Map.of("abc", "bye", "def", "hello"), probe(p));
        EnvInstruction env = (EnvInstruction) p.targetStage().steps().get(1).expanded().orElseThrow();
        assertEquals(List.of(new KeyValue("abc", "bye"), new KeyValue("def", "hello")), env.pairs());
    }

    @Test
    void envKeysExpandToo() {
        assertEquals(Map.of("v", "1"), probe(plan("FROM a\nARG K=NAME\nENV $K=1\nLABEL v=$NAME\n")));
    }

    @Test
    void proxyArgsNeedNoDeclarationButDoNotExpand() {
        Plan p = plan("FROM a\nLABEL v=${HTTP_PROXY:-none}\n", AMD64.withBuildArgs(Map.of("HTTP_PROXY", "http://p")));
        assertEquals(Map.of("v", "none"), probe(p));
        BuildArgUse use = p.buildArgs().get(0);
        assertTrue(use.predefined() && use.consumed());
        Plan declared = plan("FROM a\nARG HTTP_PROXY\nLABEL v=${HTTP_PROXY:-none}\n",
            AMD64.withBuildArgs(Map.of("HTTP_PROXY", "http://p")));
        assertEquals(Map.of("v", "http://p"), probe(declared));
    }

    @Test
    void automaticPlatformArgsAreGlobal() {
        PlanOptions arm = AMD64.withTargetPlatform(Platform.parse("linux/arm/v6"));
        Plan p = plan("FROM --platform=$BUILDPLATFORM img-$TARGETARCH$TARGETVARIANT\n"
            + "LABEL before=[$TARGETOS]\nARG TARGETOS TARGETPLATFORM BUILDARCH\n"
            + "LABEL os=$TARGETOS p=$TARGETPLATFORM b=$BUILDARCH\n", arm);
        assertEquals("img-armv6", p.targetStage().base().reference());
        assertEquals(Optional.of("linux/" + Platform.host().architecture()), p.targetStage().base().platform());
        assertEquals(Map.of("before", "[]"), Map.of("before",
            ((LabelInstruction) p.targetStage().steps().get(0).expanded().orElseThrow()).pairs().get(0).value()));
        assertEquals(Map.of("os", "linux", "p", "linux/arm/v6", "b", Platform.host().architecture()), probe(p));
        assertEquals("arm", p.automaticArgs().get("TARGETARCH"));
    }

    @Test
    void baseImageEnvIsInScopeWhenKnown() {
        BaseImages images = (ref, platform) -> ref.equals("node:20")
            ? Optional.of(new BaseImage(ref, Map.of("PATH", "/node/bin", "NODE_VERSION", "20.1")))
            : Optional.empty();
        Plan p = plan("FROM node:20\nENV PATH=$PATH:/app/bin\nLABEL v=$NODE_VERSION path=$PATH\n",
            AMD64.withBaseImages(images));
        assertEquals(Map.of("v", "20.1", "path", "/node/bin:/app/bin"), probe(p));
        assertTrue(p.targetStage().base().envKnown());
        assertTrue(p.warnings().isEmpty());
    }

    @Test
    void unknownBaseImagePlansWithTheDefaultPathAndSaysSo() {
        Plan p = plan("FROM node:20\nENV PATH=$PATH:/app/bin\nLABEL path=$PATH\n");
        assertEquals(Map.of("path", Scope.DEFAULT_PATH + ":/app/bin"), probe(p));
        assertFalse(p.targetStage().base().envKnown());
        assertEquals(List.of("Dockerfile:1: the environment of base image node:20 is not known; planned with the "
            + "default PATH only"), p.warnings());
    }

    @Test
    void aStageFromAStageInheritsItsEnvAndArgs() {
        Plan p = plan("FROM a AS base\nARG A=1\nENV E=2\nFROM base\nLABEL a=$A e=$E\n");
        assertEquals(Map.of("a", "1", "e", "2"), probe(p));
        Plan unrelated = plan("FROM a AS base\nARG A=1\nENV E=2\nFROM b\nLABEL a=$A e=$E\n");
        assertEquals(Map.of("a", "", "e", ""), probe(unrelated));
    }

    @Test
    void stepsRecordTheScopeTheyRunIn() {
        Plan p = plan("FROM a\nARG A=1\nENV E=2\nENV A=3\nRUN echo\n");
        Step run = p.targetStage().steps().get(3);
        assertEquals(Map.of("A", "1"), run.args());
        assertEquals(Map.of("PATH", Scope.DEFAULT_PATH, "E", "2", "A", "3"), run.env());
        assertEquals(List.of("PATH=" + Scope.DEFAULT_PATH, "A=3", "E=2"), run.buildEnv().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    @Test
    void legacyEnvTakesTheRestOfTheLine() {
        assertEquals(Map.of("v", "one two  two"), probe(plan("FROM a\nENV A one \"two  two\"\nLABEL v=\"$A\"\n")));
    }

    @Test
    void quotedLabelKeys() {
        assertEquals(Map.of("com.example.vendor", "ACME Inc"),
            probe(plan("FROM a\nLABEL \"com.example.vendor\"=\"ACME Inc\"\n")));
    }

    @Test
    void badFromPlatformIsAnErrorAtTheLine() {
        InstructionException e = assertThrows(InstructionException.class,
            () -> plan("ARG P=linux/\nFROM --platform=$P a\n"));
        assertEquals("Dockerfile:2: FROM --platform: invalid platform \"linux/\": expected os/arch[/variant]",
            e.getMessage());
    }

    @Test
    void shellCommandsAreNotExpanded() {
        Plan p = plan("FROM a\nARG X=1\nRUN echo $X ${Y:?no}\nCMD echo $X\n");
        assertEquals("RUN echo $X ${Y:?no}", InstructionView.of(p.targetStage().steps().get(1).expanded()
            .orElseThrow()).text());
        assertTrue(p.targetStage().steps().get(1).referenced().isEmpty());
    }

    @Test
    void expansionErrorsFailThePlanAtTheLine() {
        InstructionException e = assertThrows(InstructionException.class,
            () -> plan("FROM a\n\nWORKDIR ${X:?must be set}\n"));
        assertEquals("Dockerfile:3: failed to process \"${X:?must be set}\": X: must be set", e.getMessage());
        InstructionException global = assertThrows(InstructionException.class,
            () -> plan("ARG V=${W:?}\nFROM a\n"));
        assertEquals("Dockerfile:1: failed to process \"${W:?}\": W: is not allowed to be unset", global.getMessage());
    }

    @Test
    void errorsInPrunedStagesDoNotFailThePlan() {
        Plan p = plan("FROM a AS broken\nWORKDIR ${X:?}\nFROM b AS ok\nWORKDIR /x\n", AMD64.withTarget("ok"));
        assertFalse(p.stages().get(0).needed());
    }
}
