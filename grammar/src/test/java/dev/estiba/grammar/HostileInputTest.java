package dev.estiba.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.estiba.grammar.tree.Dockerfile;
import dev.estiba.grammar.tree.ShellForm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Any input gives a tree or a {@link DockerfileParseException}, nothing else; and the work stays linear in the input.
 * The timeouts only guard against a hang: speed is measured by the JMH benchmark (docs/benchmarks.md).
 */
class HostileInputTest {
    private static final byte[] SPICE = "\\`\n\r\t #[]{}\"',=<<-EOF--xRUN COPY ONBUILD \u00a0\u00e9".getBytes(
            java.nio.charset.StandardCharsets.UTF_8);

    @Property(tries = 2000)
    void randomBytesOnlyRaiseTheTypedError(@ForAll @Size(max = 400) byte[] bytes) {
        parseOrTypedError(bytes);
    }

    @Property(tries = 2000)
    void randomDockerfileishBytesOnlyRaiseTheTypedError(@ForAll @Size(max = 300) List<@net.jqwik.api.constraints.IntRange(
            min = 0, max = 63) Integer> picks) {
        byte[] bytes = new byte[picks.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = SPICE[picks.get(i) % SPICE.length];
        }
        parseOrTypedError(bytes);
    }

    @Test
    void mutatedCorpusFilesOnlyRaiseTheTypedError() throws IOException {
        Random random = new Random(42);
        for (Path f : Corpus.dockerfiles()) {
            byte[] original = Files.readAllBytes(f);
            for (int round = 0; round < 5; round++) {
                byte[] b = original.clone();
                for (int m = 0; m < 1 + random.nextInt(8); m++) {
                    int at = random.nextInt(Math.max(1, b.length));
                    if (b.length > 0) {
                        b[at] = random.nextBoolean() ? SPICE[random.nextInt(SPICE.length)] : (byte) random.nextInt(256);
                    }
                }
                parseOrTypedError(b);
            }
        }
    }

    private static void parseOrTypedError(byte[] bytes) {
        try {
            DockerfileParser.parse("fuzz", bytes);
        } catch (DockerfileParseException expected) {
            // the only failure allowed
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void tenMegabytesParse() {
        String block = "RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates \\\n"
                + "    && rm -rf /var/lib/apt/lists/*\n"
                + "COPY --from=build --chown=app:app [\"/src/app\", \"/app/\"]\n"
                + "ENV PATH=/usr/local/bin:$PATH LANG=C.UTF-8\n"
                + "# a comment\n";
        int copies = 10 * 1024 * 1024 / block.length() + 1;
        String text = "FROM debian:bookworm-slim AS base\n" + block.repeat(copies);
        Dockerfile d = DockerfileParser.parse("big", text);
        assertEquals(1 + 3 * copies, d.instructions().size());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void hundredThousandContinuationLines() {
        String text = "FROM a\nRUN echo start \\\n" + "    && echo more \\\n".repeat(100_000) + "    && echo end\n";
        Dockerfile d = DockerfileParser.parse("long", text);
        ShellForm run = (ShellForm) d.instructions().get(1).arguments();
        assertEquals(100_003, d.instructions().get(1).range().endLine());
        assertEquals(100_003, run.range().endLine());
        assertEquals("echo start     && echo more ", run.text().substring(0, 28));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void hundredThousandFlagsAndJsonItemsAndWords() {
        String flags = "RUN" + " --mount=type=cache,target=/x \\\n".repeat(100_000) + " echo\n";
        String json = "CMD [ \\\n" + "\"a\", \\\n".repeat(100_000) + "\"b\"]\n";
        String env = "ENV" + " a=\"b c\" \\\n".repeat(100_000) + " z=1\n";
        String heredocs = "RUN" + " <<E \\\n".repeat(10_000) + " true\n" + "x\nE\n".repeat(10_000);
        Dockerfile d = DockerfileParser.parse("wide", "FROM a\n" + flags + json + env + heredocs);
        assertEquals(100_000, d.instructions().get(1).flags().size());
        assertEquals(100_001, ((dev.estiba.grammar.tree.ExecForm) d.instructions().get(2).arguments()).items().size());
        assertEquals(100_001, ((dev.estiba.grammar.tree.KeyValueList) d.instructions().get(3).arguments()).pairs()
                .size());
        assertEquals(10_000, d.instructions().get(4).heredocs().size());
    }
}
