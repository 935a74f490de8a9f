package dev.estiba.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DigestTest {

    private static final String A64 = "a".repeat(64);

    @Test
    void sha256OfKnownBytes() {
        assertEquals("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            Digest.sha256("abc".getBytes(StandardCharsets.US_ASCII)).toString());
    }

    @Test
    void parsesBothAlgorithms() {
        assertEquals(new Digest("sha256", A64), Digest.parse("sha256:" + A64));
        assertEquals("sha512:" + "0".repeat(128), Digest.parse("sha512:" + "0".repeat(128)).toString());
        assertEquals("aaaaaaaaaaaa", Digest.parse("sha256:" + A64).shortHex());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nocolon|invalid digest \"nocolon\": expected algorithm:hex",
        "md5:abc|unsupported digest algorithm \"md5\" (expected sha256 or sha512)",
        "sha256:abc|invalid sha256 digest \"sha256:abc\": expected 64 lowercase hex digits",
        "sha256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            + "|invalid sha256 digest \"sha256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\":"
            + " expected 64 lowercase hex digits",
        "sha512:aaaa|invalid sha512 digest \"sha512:aaaa\": expected 128 lowercase hex digits",
        ":aaaa|unsupported digest algorithm \"\" (expected sha256 or sha512)",
    })
    void rejectsMalformed(String text, String message) {
        assertEquals(message, assertThrows(InvalidDigestException.class, () -> Digest.parse(text)).getMessage());
    }
}
