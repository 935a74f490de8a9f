package dev.estiba.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {
    static final String D = "sha256:" + "ab".repeat(32);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        busybox                              | docker.io            | library/busybox | latest | -  | docker.io/library/busybox:latest
        busybox:1.36                         | docker.io            | library/busybox | 1.36   | -  | docker.io/library/busybox:1.36
        docker.io/library/busybox:1.36       | docker.io            | library/busybox | 1.36   | -  | docker.io/library/busybox:1.36
        docker.io/busybox                    | docker.io            | library/busybox | latest | -  | docker.io/library/busybox:latest
        index.docker.io/busybox              | docker.io            | library/busybox | latest | -  | docker.io/library/busybox:latest
        registry-1.docker.io/foo/bar         | docker.io            | foo/bar         | latest | -  | docker.io/foo/bar:latest
        myhost/foo                           | docker.io            | myhost/foo      | latest | -  | docker.io/myhost/foo:latest
        localhost/foo                        | localhost            | foo             | latest | -  | localhost/foo:latest
        localhost:5000/a/b                   | localhost:5000       | a/b             | latest | -  | localhost:5000/a/b:latest
        127.0.0.1:5000/x:v1                  | 127.0.0.1:5000       | x               | v1     | -  | 127.0.0.1:5000/x:v1
        ghcr.io/o/r/deep/path:v1.2-rc_3      | ghcr.io              | o/r/deep/path   | v1.2-rc_3 | - | ghcr.io/o/r/deep/path:v1.2-rc_3
        [::1]:5000/a/b:tag                   | [::1]:5000           | a/b             | tag    | -  | [::1]:5000/a/b:tag
        [::1]/a                              | [::1]                | a               | latest | -  | [::1]/a:latest
        [2001:db8::7]:443/x                  | [2001:db8::7]:443    | x               | latest | -  | [2001:db8::7]:443/x:latest
        """)
    void normalisesAsDockerDoes(String input, String registry, String repository, String tag, String digest,
        String full) {
        ImageReference ref = ImageReference.parse(input);
        assertEquals(registry, ref.registry());
        assertEquals(repository, ref.repository());
        assertEquals(tag, ref.tag());
        assertEquals(digest, ref.digest() == null ? null : ref.digest().toString());
        assertEquals(full, ref.toString());
        assertEquals(ref, ImageReference.parse(ref.toString()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        localhost:5000/a/b@DIGEST       | localhost:5000 | a/b             | -    | localhost:5000/a/b@DIGEST
        [::1]:5000/a/b:v2@DIGEST        | [::1]:5000     | a/b             | v2   | [::1]:5000/a/b:v2@DIGEST
        busybox:1.36@DIGEST             | docker.io      | library/busybox | 1.36 | docker.io/library/busybox:1.36@DIGEST
        busybox@DIGEST                  | docker.io      | library/busybox | -    | docker.io/library/busybox@DIGEST
        """)
    void keepsDigestsAndTags(String input, String registry, String repository, String tag, String full) {
        ImageReference ref = ImageReference.parse(input.replace("DIGEST", D));
        assertEquals(registry, ref.registry());
        assertEquals(repository, ref.repository());
        assertEquals(tag, ref.tag());
        assertEquals(D, ref.digest().toString());
        assertEquals(D, ref.qualifier());
        assertEquals(full.replace("DIGEST", D), ref.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Ubuntu                 | invalid image reference "Ubuntu": repository name must be lowercase
        ghcr.io/Owner/x        | invalid image reference "ghcr.io/Owner/x": repository name must be lowercase
        ubuntu:                | invalid image reference "ubuntu:": empty tag
        ubuntu:-bad            | invalid image reference "ubuntu:-bad": invalid tag "-bad"
        scratch                | invalid image reference "scratch": "scratch" is a reserved name, not an image in a registry
        a b                    | invalid image reference "a b": contains whitespace
        x@sha256:abc           | invalid image reference "x@sha256:abc": invalid sha256 digest "sha256:abc": expected 64 lowercase hex digits
        x@md5:abc              | invalid image reference "x@md5:abc": unsupported digest algorithm "md5" (expected sha256 or sha512)
        a//b                   | invalid image reference "a//b": invalid reference format
        [::1]:5000             | invalid image reference "[::1]:5000": invalid IPv6 registry host (expected [ADDRESS] or [ADDRESS]:PORT before the first slash)
        [fe80::1%eth0]:5000/a  | invalid image reference "[fe80::1%eth0]:5000/a": invalid IPv6 registry host (expected [ADDRESS] or [ADDRESS]:PORT before the first slash)
        [::1]:x/a              | invalid image reference "[::1]:x/a": invalid IPv6 registry host (expected [ADDRESS] or [ADDRESS]:PORT before the first slash)
        [::1:5000/a            | invalid image reference "[::1:5000/a": invalid IPv6 registry host (expected [ADDRESS] or [ADDRESS]:PORT before the first slash)
        [::1]:5000/A           | invalid image reference "[::1]:5000/A": repository name must be lowercase
        """)
    void rejectsWithAClearMessage(String input, String message) {
        InvalidReferenceException e = assertThrows(InvalidReferenceException.class, () -> ImageReference.parse(input));
        assertEquals(message, e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void hubIsReachedThroughItsApiHost() {
        assertEquals("registry-1.docker.io", ImageReference.parse("busybox").apiHost());
        assertEquals("ghcr.io", ImageReference.parse("ghcr.io/a/b").apiHost());
    }

    @org.junit.jupiter.api.Test
    void sha512DigestsAreAccepted() {
        String d = "sha512:" + "0f".repeat(64);
        assertEquals(d, ImageReference.parse("ghcr.io/a/b@" + d).qualifier());
    }
}
