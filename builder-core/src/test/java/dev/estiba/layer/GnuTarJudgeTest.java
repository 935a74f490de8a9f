package dev.estiba.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.estiba.format.Judge;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GNU tar reads our layers without a warning and restores binary extended attributes byte for byte. */
class GnuTarJudgeTest {
    @TempDir
    Path tmp;

    @Test
    void gnuTarListsAndExtractsWithXattrs() throws Exception {
        Judge.require("tar");
        byte[] value = {0x01, (byte) 0xff, 0x00, (byte) 0x80, '='};
        String longName = "deep/" + "n".repeat(150) + "/ünïcødé.txt";
        ChangeSet cs = ChangeSet.of(List.of(
            ChangeEntry.directory("deep", 0755, 0, 0, Instant.EPOCH),
            ChangeEntry.file("deep/attrs", 0644, Instant.EPOCH, new byte[] {'x'}).withXattrs(Map.of("user.estiba", value)),
            ChangeEntry.file(longName, 0600, Instant.ofEpochSecond(1_700_000_000), new byte[] {'y'})));
        WrittenLayer layer = new LayerWriter(Compression.gzip(6), null).write(cs, tmp.resolve("blobs"));

        Judge.Result list = Judge.run(tmp, "tar", "-tzvf", layer.file().toString()).ok("tar -t");
        assertEquals("", list.err());
        assertEquals(3, list.out().lines().count(), list.out());

        Path out = Files.createDirectories(tmp.resolve("out"));
        Judge.Result x = Judge.run(tmp, "tar", "--xattrs", "--xattrs-include=user.*", "-xzf", layer.file().toString(),
            "-C", out.toString()).ok("tar -x");
        assertEquals("", x.err());
        UserDefinedFileAttributeView view = Files.getFileAttributeView(out.resolve("deep/attrs"),
            UserDefinedFileAttributeView.class);
        ByteBuffer buf = ByteBuffer.allocate(view.size("estiba"));
        view.read("estiba", buf);
        assertArrayEquals(value, buf.array());
        assertEquals("y", Files.readString(out.resolve(longName)));
        assertEquals(Instant.ofEpochSecond(1_700_000_000), Files.getLastModifiedTime(out.resolve(longName)).toInstant());
    }
}
