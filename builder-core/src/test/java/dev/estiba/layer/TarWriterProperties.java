package dev.estiba.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Whatever the name, owner and time, an independent tar reader sees exactly what was written. */
class TarWriterProperties {

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.strings()
            .withChars("abcxyz-_.~ ").withCharRange('\u00e0', '\u00ff').withCharRange('\u4e00', '\u4e10')
            .withChars("\uD83D\uDE00")
            .ofMinLength(1).ofMaxLength(60)
            .filter(s -> !s.equals(".") && !s.equals("..") && LayerPath.isWellFormed(s));
        return segment.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("/", l));
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return b.toString();
    }

    @Property(tries = 200)
    void namesOwnersAndTimesSurvive(@ForAll("paths") String path,
                                    @ForAll @LongRange(min = 0, max = 1L << 40) long uid,
                                    @ForAll @LongRange(min = -1L << 34, max = 1L << 36) long mtime) throws IOException {
        byte[] content = path.getBytes(StandardCharsets.UTF_8);
        ChangeSet cs = ChangeSet.of(List.of(
            ChangeEntry.file(path, 0644, uid, uid + 1, Instant.ofEpochSecond(mtime), content.length,
                ContentSource.of(content)),
            ChangeEntry.symlink("link", path, 0, 0, Instant.EPOCH)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LayerWriter(Compression.none(), null).write(cs, out);
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()),
                StandardCharsets.UTF_8.name())) {
            boolean sawFile = false;
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.isSymbolicLink()) {
                    assertEquals(escape(path), escape(e.getLinkName()));
                    continue;
                }
                sawFile = true;
                assertEquals(escape(path), escape(e.getName()));
                assertEquals(uid, e.getLongUserId());
                assertEquals(uid + 1, e.getLongGroupId());
                assertEquals(mtime, e.getLastModifiedTime().toInstant().getEpochSecond());
                assertEquals(new String(content, StandardCharsets.UTF_8),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertEquals(true, sawFile);
        }
    }
}
