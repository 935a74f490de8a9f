package dev.estiba.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.instructions.InstructionException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Stages by name and index, references, --target and pruning (issue 3 §5). */
class StageGraphTest {
    static final String FILE = """
        # base has the tools
        FROM alpine AS Base
        RUN apk add make

        FROM base AS build
        COPY . /src
        RUN make

        FROM golang AS tools
        RUN go install x

        FROM scratch AS final
        COPY --from=BUILD /src/app /app
        RUN --mount=type=bind,from=2,target=/t true
        """;

    static Plan plan(String text, PlanOptions options) {
        return ScopingTest.plan(text, options);
    }

    @Test
    void stagesByNameCaseInsensitiveAndByIndex() {
        Plan p = plan(FILE, ScopingTest.AMD64);
        assertEquals(List.of("base", "build", "tools", "final"), p.stages().stream().map(Stage::displayName).toList());
        assertEquals(Base.Kind.STAGE, p.stages().get(1).base().kind());
        assertEquals(Optional.of(0), p.stages().get(1).base().stage());
        assertEquals(Base.Kind.SCRATCH, p.stages().get(3).base().kind());
        assertEquals(List.of(1), p.stages().get(3).steps().get(0).stageRefs());
        assertEquals(List.of(2), p.stages().get(3).steps().get(1).stageRefs());
        assertEquals(Set.of(1, 2), p.stages().get(3).dependsOn());
        assertEquals("has the tools", p.stages().get(0).description());
    }

    @Test
    void independentStagesAndLevels() {
        Plan p = plan(FILE, ScopingTest.AMD64);
        assertTrue(p.stages().get(0).independent());
        assertTrue(p.stages().get(2).independent());
        assertFalse(p.stages().get(1).independent());
        assertEquals(List.of(0, 1, 0, 2), p.stages().stream().map(Stage::level).toList());
    }

    @Test
    void targetPrunesWhatItDoesNotNeed() {
        Plan p = plan(FILE, ScopingTest.AMD64.withTarget("BUILD"));
        assertEquals(1, p.target());
        assertEquals(List.of(true, true, false, false), p.stages().stream().map(Stage::needed).toList());
        assertEquals(List.of("base", "build"), p.buildOrder().stream().map(Stage::displayName).toList());
        assertTrue(p.stages().get(3).steps().get(0).expanded().isEmpty());
    }

    @Test
    void unknownTargetListsTheStages() {
        PlanException e = assertThrows(PlanException.class, () -> plan(FILE, ScopingTest.AMD64.withTarget("nope")));
        assertEquals("target stage \"nope\" could not be found; stages: base, build, final, tools", e.getMessage());
        PlanException unnamed = assertThrows(PlanException.class,
            () -> plan("FROM a\n", ScopingTest.AMD64.withTarget("x")));
        assertEquals("target stage \"x\" could not be found; the file names no stages (use FROM ... AS name)",
            unnamed.getMessage());
    }

    @Test
    void fromNamingItselfOrALaterStageIsAnImage() {
        Plan p = plan("FROM alpine AS alpine\nFROM later\nFROM a AS later\n", ScopingTest.AMD64);
        assertEquals(Base.Kind.IMAGE, p.stages().get(0).base().kind());
        assertEquals(Base.Kind.IMAGE, p.stages().get(1).base().kind());
    }

    @Test
    void laterDuplicateNameWinsForLaterLookups() {
        Plan p = plan("FROM a AS x\nFROM b AS x\nFROM scratch\nCOPY --from=x /a /a\n", ScopingTest.AMD64);
        assertEquals(List.of(1), p.targetStage().steps().get(0).stageRefs());
        assertFalse(p.stages().get(0).needed());
    }

    @Test
    void copyFromAnImageIsNoStage() {
        Plan p = plan("FROM a\nCOPY --from=nginx:latest /etc/nginx /n\n", ScopingTest.AMD64);
        assertTrue(p.targetStage().steps().get(0).stageRefs().isEmpty());
        assertTrue(p.targetStage().independent());
    }

    @Test
    void copyFromExpandsWithStageArgs() {
        Plan p = plan("FROM a AS one\nFROM b\nARG SRC=one\nCOPY --from=$SRC /x /x\n", ScopingTest.AMD64);
        assertEquals(List.of(0), p.targetStage().steps().get(1).stageRefs());
    }

    @Test
    void onbuildTriggersOfABaseStageRunAfterFrom() {
        Plan p = plan("FROM a AS parent\nONBUILD ENV T=1\nFROM parent\nLABEL t=$T\n", ScopingTest.AMD64);
        Step first = p.targetStage().steps().get(0);
        assertTrue(first.trigger());
        assertEquals(java.util.Map.of("t", "1"), ScopingTest.probe(p));
    }

    @Test
    void onbuildTriggersOfAKnownBaseImageRunFirst() {
        BaseImages images = (ref, platform) -> Optional.of(new BaseImage(ref, java.util.Map.of(),
            List.of("ENV FROM_TRIGGER=$SEEN", "COPY --chown=app . /app")));
        Plan p = plan("FROM base:1\nLABEL v=$FROM_TRIGGER\n", ScopingTest.AMD64.withBaseImages(images));
        List<Step> steps = p.targetStage().steps();
        assertEquals(List.of(true, true, false), steps.stream().map(Step::trigger).toList());
        assertEquals("COPY --chown=app . /app", InstructionView.of(steps.get(1).expanded().orElseThrow()).text());
        assertEquals(java.util.Map.of("v", ""), ScopingTest.probe(p));
        BaseImages bad = (ref, platform) -> Optional.of(new BaseImage(ref, java.util.Map.of(),
            List.of("COPY --nope x y")));
        InstructionException e = assertThrows(InstructionException.class,
            () -> plan("FROM base:1\n", ScopingTest.AMD64.withBaseImages(bad)));
        assertEquals("Dockerfile:1: ONBUILD trigger of base:1 (COPY --nope x y): unknown flag: --nope", e.getMessage());
    }

    static Stream<Arguments> badReferences() {
        return Stream.of(
            Arguments.of("FROM a AS one\nCOPY --from=one /x /x\n", 2,
                "cannot copy from stage \"one\", it needs to be defined before current stage"),
            Arguments.of("FROM a AS first\nCOPY --from=later /x /x\nFROM b AS later\n", 2,
                "cannot copy from stage \"later\", it needs to be defined before current stage"),
            Arguments.of("FROM a\nFROM b\nCOPY --from=1 /x /x\n", 3,
                "cannot copy from stage 1, it needs to be defined before current stage"),
            Arguments.of("FROM a\nFROM b\nCOPY --from=7 /x /x\n", 3, "invalid stage index 7: the file has 2 stages"),
            Arguments.of("FROM a AS first\nRUN --mount=from=2,target=/x true\nFROM b\nFROM c\n", 2,
                "cannot copy from stage 2, it needs to be defined before current stage"),
            Arguments.of("FROM a AS me\nRUN --mount=type=cache,from=ME,target=/x true\n", 2,
                "cannot copy from stage \"ME\", it needs to be defined before current stage"),
            Arguments.of("FROM a\nFROM $EMPTY\n", 2, "base name ($EMPTY) should not be blank"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badReferences")
    void badReferencesFailAtTheirLine(String text, int line, String detail) {
        // a bad reference in a stage the target does not need is never looked at: build "first" there
        PlanOptions options = text.contains(" AS first") ? ScopingTest.AMD64.withTarget("first") : ScopingTest.AMD64;
        InstructionException e = assertThrows(InstructionException.class, () -> plan(text, options));
        assertEquals(line, e.line());
        assertEquals(detail, e.detail());
    }

    @Test
    void aBadReferenceInAPrunedStageIsNotAnError() {
        Plan p = plan("FROM a AS first\nCOPY --from=later /x /x\nFROM b AS later\n", ScopingTest.AMD64);
        assertFalse(p.stages().get(0).needed());
    }

    @Test
    void onlyArgBeforeTheFirstFrom() {
        // the grammar refuses this first; the planner is a second line of defence for hand-made trees
        assertThrows(RuntimeException.class, () -> plan("ENV A=1\nFROM a\n", ScopingTest.AMD64));
    }
}
