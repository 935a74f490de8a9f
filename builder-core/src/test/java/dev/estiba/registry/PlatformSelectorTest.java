package dev.estiba.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import dev.estiba.image.ImageIndex;
import dev.estiba.image.MediaTypes;
import dev.estiba.image.Platform;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformSelectorTest {
    /** Entries in this order; the digest of entry i ends in i. */
    static final List<String> ENTRIES = List.of("linux/amd64", "linux/arm/v6", "linux/arm/v7", "linux/arm64/v8",
        "linux/386", "windows/amd64", "unknown/unknown");

    static ImageIndex index() {
        List<Descriptor> entries = new ArrayList<>();
        for (int i = 0; i < ENTRIES.size(); i++) {
            Digest d = Digest.parse("sha256:" + "0".repeat(63) + i);
            entries.add(new Descriptor(MediaTypes.OCI_MANIFEST, d, 100).withPlatform(Platform.parse(ENTRIES.get(i))));
        }
        return ImageIndex.oci(entries);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
        linux/amd64,      0
        linux/x86_64,     0
        linux/arm/v6,     1
        linux/arm/v7,     2
        linux/arm,        2
        linux/arm64,      3
        linux/aarch64,    3
        linux/arm64/v8,   3
        linux/386,        4
        windows/amd64,    5
        """)
    void picksByOsArchitectureAndVariant(String wanted, int entry) throws Exception {
        Descriptor d = PlatformSelector.select(index(), Platform.parse(wanted), "r");
        assertEquals(ENTRIES.get(entry), d.platform().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
        linux/s390x
        linux/arm/v5
        linux/arm64/v9
        darwin/amd64
        """)
    void noMatchListsWhatThereIs(String wanted) {
        RegistryException e = assertThrows(RegistryException.class,
            () -> PlatformSelector.select(index(), Platform.parse(wanted), "ghcr.io/o/r:1"));
        assertEquals(RegistryException.Kind.NO_MATCHING_PLATFORM, e.kind());
        assertEquals("ghcr.io/o/r:1: no manifest for platform " + wanted + "; available: linux/amd64, linux/arm/v6,"
            + " linux/arm/v7, linux/arm64/v8, linux/386, windows/amd64", e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
        amd64,   amd64
        x86_64,  amd64
        aarch64, arm64
        i686,    386
        armhf,   arm
        ppc64le, ppc64le
        """)
    void architecturesAreNormalisedAsGoNamesThem(String jvm, String image) {
        assertEquals(image, PlatformSelector.normaliseArchitecture(jvm));
    }
}
