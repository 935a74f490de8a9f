package dev.estiba.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code estiba load} of a file that is no image archive says so, not that it lacks an OCI layout. */
class ReadArchiveErrorsTest {
    @TempDir
    Path tmp;

    @Test
    void aFileThatIsNoTarIsNotAnImageArchive() throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk.tar"), "not a tar at all, definitely\n");
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageTransports.readArchive(junk));
        assertEquals(junk + ": not an image archive (no manifest.json of docker save, no oci-layout of an OCI archive)",
            e.getMessage());
    }
}
