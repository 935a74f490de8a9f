package dev.estiba.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Go's strconv.Quote, as the BuildKit dump needs it; and invalid UTF-8 kept through decoding. */
class GoTextTest {

    static Stream<Arguments> quotes() {
        return Stream.of(
                Arguments.of("plain text", "\"plain text\""),
                Arguments.of("a\"b\\c", "\"a\\\"b\\\\c\""),
                Arguments.of("\u0000\u0001\u001f\u007f", "\"\\x00\\x01\\x1f\\x7f\""),
                Arguments.of("\u0007\b\f\n\r\t\u000b", "\"\\a\\b\\f\\n\\r\\t\\v\""),
                Arguments.of("\u0085\u00a0\u00ad\u200b\u2028\ufeff", "\"\\u0085\\u00a0\\u00ad\\u200b\\u2028\\ufeff\""),
                Arguments.of("\ue000", "\"\\ue000\""),
                Arguments.of("é♥한€", "\"é♥한€\""),
                Arguments.of("\ud83d\ude00\udbff\udfff", "\"😀\\U0010ffff\""));
    }

    @ParameterizedTest
    @MethodSource("quotes")
    void quotesLikeGo(String in, String expected) {
        assertEquals(expected, GoText.quote(in));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ff           | \"\\xff\"",
        "c3           | \"\\xc3\"",
        "edb080       | \"\\xed\\xb0\\x80\"",
        "61c3a962ff63 | \"aéb\\xffc\"",
        "f09f9880     | \"😀\"",
    })
    void keepsInvalidUtf8BytesAsGoDoes(String hex, String expected) {
        assertEquals(expected, GoText.quote(SourceDecoder.decode(HexFormat.of().parseHex(hex))));
    }
}
