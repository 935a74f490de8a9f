package dev.estiba.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.estiba.instructions.OnbuildInstruction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformAndDescriptionsTest {

    @ParameterizedTest
    @CsvSource({"linux/amd64,linux/amd64", "linux/x86_64,linux/amd64", "arm64,linux/arm64",
        "linux/aarch64,linux/arm64", "linux/arm64/v8,linux/arm64", "linux/arm,linux/arm/v7",
        "linux/arm/v6,linux/arm/v6", "Linux/AMD64,linux/amd64", "windows/amd64,windows/amd64"})
    void normalisesPlatforms(String in, String out) {
        assertEquals(out, Platform.parse(in).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "linux/", "/amd64", "a/b/c/d", " "})
    void refusesBadPlatforms(String in) {
        assertThrows(IllegalArgumentException.class, () -> Platform.parse(in));
    }

    @Test
    void descriptionsComeFromTheCommentBlockDirectlyAbove() {
        Plan p = ScopingTest.plan("""
            # not this one

            # VERSION selects
            # the release
            ARG VERSION=1 OTHER=2
            # a comment that does not name the stage
            FROM a AS app
            # not above anything
            
            FROM b AS tools
            """, ScopingTest.AMD64.withTarget("app"));
        assertEquals(List.of("selects the release", "VERSION selects the release"),
            p.globalArgs().stream().map(ArgInfo::description).toList());
        assertEquals("a comment that does not name the stage", p.stages().get(0).description());
        assertEquals("", p.stages().get(1).description());
    }

    @Test
    void onbuildExpressionKeepsHeredocBodies() {
        Plan p = ScopingTest.plan("FROM a\nONBUILD COPY <<EOF /x\nhi $A\nEOF\n");
        OnbuildInstruction o = (OnbuildInstruction) p.targetStage().steps().get(0).instruction();
        assertEquals("COPY <<EOF /x\nhi $A\nEOF", o.expression());
    }
}
