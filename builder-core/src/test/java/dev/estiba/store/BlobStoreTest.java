package dev.estiba.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.estiba.image.CorruptBlobException;
import dev.estiba.image.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlobStoreTest {
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final BlobStore store = new BlobStore(fs.getPath("/cache"));

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void putIsContentAddressedAndReadBack() throws IOException {
        Digest d = store.put(utf8("hello"));
        assertEquals(Digest.sha256(utf8("hello")), d);
        assertEquals(fs.getPath("/cache/blobs/sha256/" + d.hex()), store.path(d));
        assertArrayEquals(utf8("hello"), store.read(d));
        assertEquals(5, store.size(d));
        assertEquals(d, store.put(utf8("hello")));
        assertEquals(List.of(d), store.list().stream().map(BlobStore.BlobInfo::digest).toList());
    }

    @Test
    void streamWithWrongDigestOrSizeIsNotStored() throws IOException {
        Digest other = Digest.sha256(utf8("other"));
        CorruptBlobException e = assertThrows(CorruptBlobException.class,
            () -> store.put(new ByteArrayInputStream(utf8("hello")), other, -1));
        assertEquals("content does not match digest " + other + " (got " + Digest.sha256(utf8("hello")) + ")",
            e.getMessage());
        Digest right = Digest.sha256(utf8("hello"));
        assertEquals("blob " + right + ": size 5 does not match the declared 6", assertThrows(CorruptBlobException.class,
            () -> store.put(new ByteArrayInputStream(utf8("hello")), right, 6)).getMessage());
        assertEquals(List.of(), store.list());
        assertEquals(List.of(), store.temporaryFiles());
    }

    @Test
    void readOfATamperedBlobFails() throws IOException {
        Digest d = store.put(utf8("hello"));
        Files.write(store.path(d), utf8("HELLO"));
        CorruptBlobException e = assertThrows(CorruptBlobException.class, () -> store.read(d));
        assertEquals("blob " + d + " in /cache: content does not match digest " + d, e.getMessage());
    }

    @Test
    void missingBlobIsNamed() {
        Digest d = Digest.sha256(utf8("nothing"));
        assertEquals("blob " + d + " not found in /cache",
            assertThrows(BlobNotFoundException.class, () -> store.open(d)).getMessage());
    }

    @Test
    void sha512BlobsAreVerifiedToo() throws IOException {
        byte[] bytes = utf8("abc");
        Digest d = new Digest("sha512", java.util.HexFormat.of().formatHex(d512(bytes)));
        assertEquals(d, store.put(new ByteArrayInputStream(bytes), d, 3));
        assertArrayEquals(bytes, store.read(d));
    }

    private static byte[] d512(byte[] b) {
        try {
            return java.security.MessageDigest.getInstance("SHA-512").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void concurrentWritersOfTheSameBlobBothSucceed() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024];
        new java.util.Random(1).nextBytes(big);
        Digest d = Digest.sha256(big);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Digest> write = () -> new BlobStore(fs.getPath("/cache")).put(new ByteArrayInputStream(big), null, -1);
            List<Future<Digest>> results = pool.invokeAll(List.of(write, write, write, write));
            for (Future<Digest> f : results) {
                assertEquals(d, f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertArrayEquals(big, store.read(d));
        assertEquals(List.of(), store.temporaryFiles());
    }

    @Test
    void cacheLocationFollowsOptionThenEnvironment() {
        assertEquals("/o", CacheLocation.resolve(fs, "/o", Map.of("ESTIBA_CACHE", "/e"), "/home/u").toString());
        assertEquals("/e", CacheLocation.resolve(fs, null, Map.of("ESTIBA_CACHE", "/e", "XDG_CACHE_HOME", "/x"),
            "/home/u").toString());
        assertEquals("/x/estiba", CacheLocation.resolve(fs, null, Map.of("XDG_CACHE_HOME", "/x"), "/home/u").toString());
        assertEquals("/home/u/.cache/estiba", CacheLocation.resolve(fs, "", Map.of("XDG_CACHE_HOME", ""), "/home/u")
            .toString());
    }

    @Test
    void openStreamVerifiesAtTheEnd() throws IOException {
        Digest d = store.put(utf8("abcdef"));
        try (InputStream in = store.open(d)) {
            assertEquals('a', in.read());
            assertEquals(5, in.readAllBytes().length);
        }
        assertTrue(store.has(d));
        assertTrue(store.delete(d));
        assertFalse(store.has(d));
    }
}
