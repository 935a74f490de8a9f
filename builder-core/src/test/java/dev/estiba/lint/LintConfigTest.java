package dev.estiba.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintConfigTest {

    static final String HADOLINT_YAML = """
        failure-threshold: warning
        format: json
        ignored:
          - DL3008
          - SC2086
        override:
          error: [DL3015]
          style:
            - DL3059
        trustedRegistries:
          - docker.io
          - "*.gcr.io"
        label-schema:
          maintainer: email
          org.opencontainers.image.created: rfc3339
        strict-labels: true
        disable-ignore-pragma: true
        no-fail: false
        """;

    @Test
    void readsHadolintYamlAsIs() {
        LintConfig c = LintConfigFile.parse(".hadolint.yaml", HADOLINT_YAML, LintConfig.defaults());
        assertEquals(Set.of("DL3008", "SC2086"), c.ignored());
        assertEquals(Map.of("DL3015", Severity.ERROR, "DL3059", Severity.STYLE), c.overrides());
        assertEquals(Severity.WARNING, c.failureThreshold());
        assertEquals(List.of("docker.io", "*.gcr.io"), c.trustedRegistries());
        assertEquals(List.of("maintainer", "org.opencontainers.image.created"), List.copyOf(c.labelSchema().keySet()));
        assertEquals(LabelType.RFC3339, c.labelSchema().get("org.opencontainers.image.created"));
        assertTrue(c.strictLabels());
        assertTrue(c.disableIgnorePragma());
        assertFalse(c.noFail());
        assertEquals(Severity.ERROR, c.severityOf("DL3015", Severity.INFO));
        assertTrue(c.fails(Severity.WARNING));
        assertFalse(c.fails(Severity.INFO));
    }

    @Test
    void thresholdNoneAndNoFailNeverFail() {
        LintConfig none = LintConfigFile.parse("c", "failure-threshold: none", LintConfig.defaults());
        assertNull(none.failureThreshold());
        assertFalse(none.fails(Severity.ERROR));
        LintConfig noFail = LintConfigFile.parse("c", "no-fail: true\ntrustedRegistries: my.reg", LintConfig.defaults());
        assertFalse(noFail.fails(Severity.ERROR));
        assertEquals(List.of("my.reg"), noFail.trustedRegistries());
        assertTrue(LintConfig.defaults().fails(Severity.INFO));
        assertFalse(LintConfig.defaults().fails(Severity.STYLE));
    }

    @Test
    void badValuesNameTheFile() {
        LintConfigException e = assertThrows(LintConfigException.class,
            () -> LintConfigFile.parse(".hadolint.yaml", "failure-threshold: loud", LintConfig.defaults()));
        assertEquals(".hadolint.yaml: unknown severity 'loud' (expected error, warning, info, style or ignore)",
            e.getMessage());
        assertThrows(LintConfigException.class,
            () -> LintConfigFile.parse("c", "label-schema:\n  a: color", LintConfig.defaults()));
        assertThrows(LintConfigException.class, () -> LintConfigFile.parse("c", "- a\n- b", LintConfig.defaults()));
        assertThrows(LintConfigException.class, () -> LintConfigFile.parse("c", "strict-labels: [", LintConfig.defaults()));
    }

    @Test
    void findsLocalFileFirstThenHadolintPlaces(@TempDir Path tmp) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path dir = Files.createDirectories(tmp.resolve("proj"));
        assertTrue(LintConfigFile.find(dir, Map.of(), home).isEmpty());
        Path user = Files.writeString(home.resolve(".hadolint.yaml"), "ignored: [DL3006]");
        assertEquals(user, LintConfigFile.find(dir, Map.of(), home).orElseThrow());
        Path hadolint = Files.writeString(dir.resolve(".hadolint.yaml"), "ignored: [DL3007]");
        assertEquals(hadolint, LintConfigFile.find(dir, Map.of(), home).orElseThrow());
        Path estiba = Files.writeString(dir.resolve(".estiba.yaml"), "ignored: [DL3009]");
        assertEquals(estiba, LintConfigFile.find(dir, Map.of(), home).orElseThrow());
        assertEquals(Set.of("DL3009"), LintConfigFile.read(estiba, LintConfig.defaults()).ignored());
    }
}
