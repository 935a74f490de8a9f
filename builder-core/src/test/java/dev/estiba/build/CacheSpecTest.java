package dev.estiba.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@code --cache-to} and {@code --cache-from} values, as buildx writes them, and the errors for bad ones. */
class CacheSpecTest {
    @Test
    void specsParseAsBuildxWritesThemAndBadOnesSayWhatIsWrong() {
        assertEquals(new CacheSpec("r/c:t", CacheSpec.Mode.MAX),
            CacheSpec.parse("type=registry,ref=r/c:t,mode=max", true));
        assertEquals(new CacheSpec("r/c:t", CacheSpec.Mode.MIN), CacheSpec.parse("type=registry,ref=r/c:t", true));
        assertEquals(new CacheSpec("r/c:t", CacheSpec.Mode.MIN), CacheSpec.parse("r/c:t", false));
        assertEquals(new CacheSpec("r/c:t", CacheSpec.Mode.MIN), CacheSpec.parse("ref=r/c:t", false));
        String[][] bad = {
            {"type=local,dest=x", "true",
                "invalid --cache-to \"type=local,dest=x\": type \"local\" is not supported (only registry)"},
            {"type=registry", "true",
                "invalid --cache-to \"type=registry\": missing ref="},
            {"type=registry,ref=a,mode=all", "true",
                "invalid --cache-to \"type=registry,ref=a,mode=all\": mode must be min or max"},
            {"type=registry,ref=a,mode=max", "false",
                "invalid --cache-from \"type=registry,ref=a,mode=max\": mode= is for --cache-to only"},
            {"type=registry,ref=a,compression=zstd", "true",
                "invalid --cache-to \"type=registry,ref=a,compression=zstd\": unknown key \"compression\""},
            {"type=registry,ref", "false",
                "invalid --cache-from \"type=registry,ref\": \"ref\" is not KEY=VALUE"},
        };
        for (String[] row : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CacheSpec.parse(row[0], Boolean.parseBoolean(row[1])));
            assertEquals(row[2], e.getMessage(), row[0]);
        }
    }
}
