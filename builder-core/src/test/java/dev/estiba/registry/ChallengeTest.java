package dev.estiba.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengeTest {
    @Test
    void parsesDockerHubsBearerChallenge() {
        Challenge c = Challenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
            + "scope=\"repository:library/busybox:pull,push\"");
        assertEquals("bearer", c.scheme());
        assertEquals(Map.of("realm", "https://auth.docker.io/token", "service", "registry.docker.io",
            "scope", "repository:library/busybox:pull,push"), c.params());
    }

    @Test
    void parsesBasicUnquotedAndEscapedValues() {
        assertEquals(new Challenge("basic", Map.of("realm", "Registry Realm")),
            Challenge.parse("Basic realm=\"Registry Realm\""));
        assertEquals(Map.of("realm", "x", "service", "a\"b"),
            Challenge.parse("BEARER Realm=x, service=\"a\\\"b\"").params());
        assertEquals(new Challenge("bearer", Map.of()), Challenge.parse("Bearer"));
    }

    @Test
    void scopesAskForPullPushAndTheMountSource() {
        assertEquals(List.of("repository:a/b:pull"), Scope.pull("a/b").parameters());
        assertEquals(List.of("repository:a/b:pull,push", "repository:c/d:pull"),
            Scope.push("a/b", "c/d").parameters());
        assertEquals(List.of("repository:a/b:pull,push"), Scope.push("a/b", "a/b").parameters());
        assertEquals(List.of(), Scope.none().parameters());
    }
}
