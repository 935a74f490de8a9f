package dev.estiba.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.estiba.image.Digest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LayerWriterTest {

    static final Instant T = Instant.parse("2024-05-06T07:08:09.5Z");
    static final String LONG = "d/" + "x".repeat(120) + "/file.txt";
    static final byte[] CAP = {1, 0, 0, 2, 0, 0x20, 0, 0, (byte) 0xff, (byte) 0x80, 0, 0};

    @TempDir
    Path tmp;

    static ChangeSet sample() {
        return new ChangeSet(List.of(
            ChangeEntry.directory("/etc/", 0755, 0, 0, T),
            ChangeEntry.file("etc/hosts", 0644, T, "127.0.0.1 localhost\n".getBytes(StandardCharsets.US_ASCII)),
            ChangeEntry.file("bin/ping", 04755, 0, 0, T, 3, ContentSource.of(new byte[] {1, 2, 3}))
                .withXattrs(Map.of("security.capability", CAP)),
            // the link sorts before its target, so the writer swaps their roles
            ChangeEntry.hardlink("a/first", "z/last", 0600, 0, 0, T),
            ChangeEntry.file("z/last", 0600, 7, 8, T, 4, ContentSource.of("data".getBytes(StandardCharsets.US_ASCII))),
            ChangeEntry.symlink("usr/lib64", "lib", 0, 0, T),
            ChangeEntry.file(LONG, 0644, T, new byte[0]),
            ChangeEntry.file("données/ñ.txt", 0640, 3_000_000, 5, T, 1, ContentSource.of(new byte[] {'!'})),
            ChangeEntry.directory("var/cache", 0700, 0, 0, T),
            ChangeEntry.file("var/cache/-x", 0644, T, new byte[] {'y'})),
            Set.of("etc/motd", "old"), Set.of("var/cache"));
    }

    record Seen(String name, char type, int mode, long uid, long gid, long size, long mtime, String link,
                String content) {
    }

    static List<Seen> read(InputStream tar) throws IOException {
        List<Seen> seen = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(tar, StandardCharsets.UTF_8.name())) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String content = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                seen.add(new Seen(e.getName(), (char) linkFlag(e), e.getMode(), e.getLongUserId(), e.getLongGroupId(),
                    e.getSize(), e.getLastModifiedTime().toInstant().getEpochSecond(), e.getLinkName(), content));
            }
        }
        return seen;
    }

    private static int linkFlag(TarArchiveEntry e) {
        if (e.isDirectory()) {
            return '5';
        }
        if (e.isSymbolicLink()) {
            return '2';
        }
        return e.isLink() ? '1' : '0';
    }

    @Test
    void writesSortedEntriesWithPaxLinksAndWhiteouts() throws IOException {
        WrittenLayer layer = new LayerWriter(Compression.none(), null).write(sample(), tmp);
        long t = T.getEpochSecond();
        assertEquals(List.of(
            new Seen(".wh.old", '0', 0, 0, 0, 0, 0, "", ""),
            new Seen("a/first", '0', 0600, 7, 8, 4, t, "", "data"),
            new Seen("bin/ping", '0', 04755, 0, 0, 3, t, "", "\u0001\u0002\u0003"),
            new Seen(LONG, '0', 0644, 0, 0, 0, t, "", ""),
            new Seen("données/ñ.txt", '0', 0640, 3_000_000, 5, 1, t, "", "!"),
            new Seen("etc/", '5', 0755, 0, 0, 0, t, "", ""),
            new Seen("etc/.wh.motd", '0', 0, 0, 0, 0, 0, "", ""),
            new Seen("etc/hosts", '0', 0644, 0, 0, 20, t, "", "127.0.0.1 localhost\n"),
            new Seen("usr/lib64", '2', 0777, 0, 0, 0, t, "lib", ""),
            new Seen("var/cache/", '5', 0700, 0, 0, 0, t, "", ""),
            new Seen("var/cache/.wh..wh..opq", '0', 0, 0, 0, 0, 0, "", ""),
            new Seen("var/cache/-x", '0', 0644, 0, 0, 1, t, "", "y"),
            new Seen("z/last", '1', 0600, 7, 8, 0, t, "a/first", "")),
            read(Files.newInputStream(layer.file())));
    }

    @Test
    void entriesAreInByteOrderWithOpaqueMarkerFirstInItsDirectory() throws IOException {
        WrittenLayer layer = new LayerWriter(Compression.none(), null).write(sample(), tmp);
        assertEquals(List.of(".wh.old", "a/first", "bin/ping", LONG, "données/ñ.txt", "etc/", "etc/.wh.motd",
                "etc/hosts", "usr/lib64", "var/cache/", "var/cache/.wh..wh..opq", "var/cache/-x", "z/last"),
            read(Files.newInputStream(layer.file())).stream().map(Seen::name).toList());
    }

    @Test
    void binaryXattrValuesSurviveInPaxRecords() throws IOException {
        WrittenLayer layer = new LayerWriter(Compression.none(), null).write(sample(), tmp);
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(layer.file()))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("bin/ping")) {
                    String raw = e.getExtraPaxHeaders().get("SCHILY.xattr.security.capability");
                    // commons-compress decodes PAX values as UTF-8; compare the raw record through ISO-8859-1
                    assertEquals(new String(CAP, StandardCharsets.UTF_8), raw);
                    return;
                }
            }
        }
        throw new AssertionError("bin/ping not found");
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void sameChangeSetGivesSameDigestsAndTheDiffIdIsTheTar(CompressionType type) throws IOException {
        Compression c = Compression.defaultFor(type);
        WrittenLayer a = new LayerWriter(c, null).write(sample(), tmp.resolve("a"));
        WrittenLayer b = new LayerWriter(c, null).write(sample(), tmp.resolve("b"));
        assertEquals(a.digest(), b.digest());
        assertEquals(a.diffId(), b.diffId());
        byte[] blob = Files.readAllBytes(a.file());
        assertEquals(Digest.sha256(blob), a.digest());
        assertEquals(blob.length, a.size());
        assertEquals(a.digest().hex(), a.file().getFileName().toString());
        byte[] tar = Compression.decompress(type, new ByteArrayInputStream(blob)).readAllBytes();
        assertEquals(Digest.sha256(tar), a.diffId());
        assertEquals(tar.length, a.diffSize());
        WrittenLayer plain = new LayerWriter(Compression.none(), null).write(sample(), tmp.resolve("n"));
        assertEquals(plain.diffId(), a.diffId());
        assertEquals(List.of(a.file()), list(tmp.resolve("a")));
    }

    @Test
    void gzipHeaderIsFixed() throws IOException {
        WrittenLayer layer = new LayerWriter(Compression.gzip(9), null).write(sample(), tmp);
        byte[] head = new byte[10];
        try (InputStream in = Files.newInputStream(layer.file())) {
            assertEquals(10, in.read(head));
        }
        assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff}, head);
    }

    @Test
    void sourceDateEpochClampsLaterTimesOnly() throws IOException {
        Instant epoch = Instant.ofEpochSecond(1_000_000);
        ChangeSet cs = new ChangeSet(List.of(
            ChangeEntry.file("new", 0644, Instant.ofEpochSecond(2_000_000), new byte[0]),
            ChangeEntry.file("old", 0644, Instant.ofEpochSecond(5), new byte[0])), Set.of("gone"), null);
        WrittenLayer layer = new LayerWriter(Compression.none(), epoch).write(cs, tmp);
        assertEquals(List.of(".wh.gone=1000000", "new=1000000", "old=5"),
            read(Files.newInputStream(layer.file())).stream().map(s -> s.name() + "=" + s.mtime()).toList());
        assertEquals(epoch, LayerWriter.sourceDateEpoch(Map.of("SOURCE_DATE_EPOCH", "1000000")));
        assertEquals(null, LayerWriter.sourceDateEpoch(Map.of("SOURCE_DATE_EPOCH", "")));
        assertEquals("SOURCE_DATE_EPOCH=\"x\" is not a number of seconds", assertThrows(IllegalArgumentException.class,
            () -> LayerWriter.sourceDateEpoch(Map.of("SOURCE_DATE_EPOCH", "x"))).getMessage());
    }

    @Test
    void contentOfTheWrongLengthFailsAndLeavesNothing() throws IOException {
        ChangeSet shorter = ChangeSet.of(List.of(ChangeEntry.file("f", 0644, 0, 0, T, 5, ContentSource.of(new byte[3]))));
        ChangeSet longer = ChangeSet.of(List.of(ChangeEntry.file("g", 0644, 0, 0, T, 1, ContentSource.of(new byte[3]))));
        LayerWriter w = new LayerWriter(Compression.gzip(1), null);
        assertEquals("f: content ended after 3 of 5 bytes (file changed while writing the layer?)",
            assertThrows(LayerWriteException.class, () -> w.write(shorter, tmp)).getMessage());
        assertEquals("g: content is longer than its declared size 1 (file changed while writing the layer?)",
            assertThrows(LayerWriteException.class, () -> w.write(longer, tmp)).getMessage());
        assertEquals(List.of(), list(tmp));
    }

    @Test
    void largeFileSizeUsesPax() throws IOException {
        long size = 077777777777L + 1;
        ContentSource zeros = () -> new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        // only the headers matter: stop after the PAX header and the ustar header (3 blocks)
        try (TarWriter w = new TarWriter(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                if (head.size() < 1536) {
                    head.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                int n = Math.min(len, 1536 - head.size());
                if (n > 0) {
                    head.write(b, off, n);
                }
            }
        })) {
            w.write(new TarWriter.Header("big", '0', 0644, 0, 0, size, 0, null, null, null), zeros.open());
        }
        String pax = new String(head.toByteArray(), 512, 512, StandardCharsets.US_ASCII);
        assertEquals("19 size=8589934592\n", pax.substring(0, pax.indexOf('\0')));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
