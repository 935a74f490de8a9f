package dev.estiba.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileResultTest {

    @ParameterizedTest(name = "[{index}] line {1} of {0}")
    @CsvSource(delimiter = '|', value = {
        // source (\n, \r written as escapes below) | line | expected
        "a\\nb\\nc   | 1 | a",
        "a\\nb\\nc   | 2 | b",
        "a\\nb\\nc   | 3 | c",
        "a\\nb\\nc   | 4 | ''",
        "a\\nb\\nc   | 0 | ''",
        "a\\nb\\nc   | -1 | ''",
        "a\\r\\nb\\r\\n | 1 | a",
        "a\\r\\nb\\r\\n | 2 | b",
        "a\\r\\nb\\r\\n | 3 | ''",
        "a\\r\\nb\\r\\n | 4 | ''",
        "x\\ry\\nz   | 1 | x\\ry",
        "x\\r        | 1 | x\\r",
        "\\n\\nthird | 3 | third",
        "\\n\\nthird | 2 | ''",
        "''          | 1 | ''",
        "''          | 2 | ''",
    })
    void sourceLineIsTheLineWithoutItsEnding(String source, int line, String expected) {
        FileResult r = new FileResult("Dockerfile", unescape(source), List.of(), List.of());
        assertEquals(unescape(expected), r.sourceLine(line));
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\r", "\r");
    }
}
