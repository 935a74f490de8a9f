package dev.estiba.context.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.estiba.context.ContextEntry;
import dev.estiba.context.ContextSnapshot;
import dev.estiba.context.ContextWalker;
import dev.estiba.context.FileStat;
import dev.estiba.context.ignore.BuildFiles;
import dev.estiba.context.ignore.IgnoreFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stat cache on a real file system, where inode and ctime exist. */
class ContentDigesterTest {
    private static final String HELLO = "sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
    private static final String JELLO = "sha256:8b128914480c08c1d7a9c8a8ef78487f4f21cbc802a8134aa3850c9501571a15";

    @TempDir
    Path ctx;
    @TempDir
    Path cacheDir;

    private final AtomicInteger reads = new AtomicInteger();
    private Path file;

    @BeforeEach
    void aFileModifiedLongAgo() throws IOException {
        file = ctx.resolve("app.txt");
        Files.writeString(file, "hello\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
    }

    private ContextSnapshot walk() throws IOException {
        return ContextWalker.walk(ctx, IgnoreFile.NONE, BuildFiles.NONE);
    }

    /** A digester that counts the files it opens. */
    private ContentDigester digester(ContextSnapshot s, StatCache cache, Clock clock) {
        return new ContentDigester(s, cache, p -> {
            reads.incrementAndGet();
            return Files.newInputStream(p);
        }, clock);
    }

    private String digest(ContextSnapshot s, StatCache cache, Clock clock) throws IOException {
        return digester(s, cache, clock).digest(s.entry("app.txt").orElseThrow());
    }

    /** A clock well past the file's ctime second, so the racy rule does not apply. */
    private static Clock later() {
        return Clock.fixed(Instant.now().plusSeconds(10), ZoneOffset.UTC);
    }

    @Test
    void unchangedFilesAreNotReadAgainAcrossBuilds() throws IOException {
        ContextSnapshot s = walk();
        StatCache cache = StatCache.open(cacheDir, s);
        assertEquals(HELLO, digest(s, cache, later()));
        assertEquals(HELLO, digest(walk(), cache, later()));
        assertEquals(1, reads.get());
        cache.save();

        ContextSnapshot again = walk();
        assertEquals(HELLO, digest(again, StatCache.open(cacheDir, again), later()));
        assertEquals(1, reads.get(), "the saved cache spared the read");
    }

    @Test
    void sameSizeSameMtimeEditIsDetected() throws IOException {
        ContextSnapshot s = walk();
        StatCache cache = StatCache.open(cacheDir, s);
        assertEquals(HELLO, digest(s, cache, later()));
        cache.save();
        FileTime mtime = Files.getLastModifiedTime(file);

        // buildkit#4950: new contents, same size, mtime put back.
        Files.writeString(file, "jello\n");
        Files.setLastModifiedTime(file, mtime);
        ContextSnapshot edited = walk();
        FileStat before = s.entry("app.txt").orElseThrow().stat();
        FileStat after = edited.entry("app.txt").orElseThrow().stat();
        assertEquals(before.size(), after.size());
        assertEquals(before.mtimeNanos(), after.mtimeNanos());

        String d = digest(edited, StatCache.open(cacheDir, edited), later());
        assertEquals(JELLO, d);
        assertEquals(2, reads.get());
    }

    @Test
    void aFileReadWholeThroughTheDigesterIsNotReadAgainForItsDigest() throws IOException {
        ContextSnapshot s = walk();
        StatCache cache = StatCache.open(cacheDir, s);
        ContentDigester d = digester(s, cache, later());
        var entry = s.entry("app.txt").orElseThrow();
        assertEquals(false, d.known(entry));
        try (var in = d.reading(entry)) {
            assertEquals("hello\n", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(true, d.known(entry));
        assertEquals(HELLO, d.digest(entry));
        assertEquals(1, reads.get());
        // And in the stat cache, for the next build.
        assertEquals(HELLO, digest(s, cache, later()));
        assertEquals(1, reads.get());
    }

    @Test
    void aFileReadInPartThroughTheDigesterIsHashedOnItsOwn() throws IOException {
        ContextSnapshot s = walk();
        ContentDigester d = digester(s, StatCache.open(cacheDir, s), later());
        var entry = s.entry("app.txt").orElseThrow();
        try (var in = d.reading(entry)) {
            assertEquals('h', in.read());
        }
        assertEquals(false, d.known(entry));
        assertEquals(HELLO, d.digest(entry));
        assertEquals(2, reads.get());
    }

    @Test
    void racyWindowForcesRehash() throws IOException {
        ContextSnapshot s = walk();
        FileStat stat = s.entry("app.txt").orElseThrow().stat();
        // The digest is taken within the same second as the file's last change (its ctime).
        Clock sameSecond = Clock.fixed(Instant.ofEpochSecond(Math.floorDiv(stat.ctimeNanos(), 1_000_000_000L), 999_000_000),
            ZoneOffset.UTC);
        StatCache cache = StatCache.open(cacheDir, s);
        digest(s, cache, sameSecond);
        digest(s, cache, sameSecond);
        assertEquals(2, reads.get(), "racily clean: hashed again");
        // Once a digest is taken in a later second, it is trusted.
        digest(s, cache, later());
        digest(s, cache, later());
        assertEquals(3, reads.get());
    }

    @Test
    void replacedFileWithSameStatTimesIsReadAgain() throws IOException {
        ContextSnapshot s = walk();
        StatCache cache = StatCache.open(cacheDir, s);
        digest(s, cache, later());
        FileTime mtime = Files.getLastModifiedTime(file);
        Path replacement = ctx.resolve("new.tmp");
        Files.writeString(replacement, "hello\n");
        Files.setLastModifiedTime(replacement, mtime);
        Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        ContextSnapshot s2 = walk();
        assertNotEquals(s.entry("app.txt").orElseThrow().stat().inode(), s2.entry("app.txt").orElseThrow().stat().inode());
        assertEquals(HELLO, digest(s2, cache, later()));
        assertEquals(2, reads.get());
    }

    @Test
    void aSaveWithNothingNewOrGoneLeavesTheFileAlone() throws IOException {
        ContextSnapshot s = walk();
        StatCache cache = StatCache.open(cacheDir, s);
        digest(s, cache, later());
        cache.save();
        Path saved;
        try (Stream<Path> list = Files.list(cacheDir.resolve("context-stat"))) {
            saved = list.findFirst().orElseThrow();
        }
        Object before = Files.readAttributes(saved, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        ContextSnapshot again = walk();
        StatCache warm = StatCache.open(cacheDir, again);
        assertEquals(HELLO, digest(again, warm, later()));
        warm.save();
        assertEquals(before, Files.readAttributes(saved, java.nio.file.attribute.BasicFileAttributes.class).fileKey(),
            "not rewritten");
        assertEquals(1, reads.get());
    }

    @Test
    void damagedCacheIsAnEmptyCache() throws IOException {
        ContextSnapshot s = walk();
        StatCache cache = StatCache.open(cacheDir, s);
        digest(s, cache, later());
        cache.save();
        List<Path> files;
        try (Stream<Path> list = Files.list(cacheDir.resolve("context-stat"))) {
            files = list.collect(Collectors.toList());
        }
        assertEquals(1, files.size(), "one cache file, no temporary left behind");
        byte[] bytes = Files.readAllBytes(files.get(0));
        Files.write(files.get(0), java.util.Arrays.copyOf(bytes, bytes.length - 7));
        assertEquals(HELLO, digest(s, StatCache.open(cacheDir, s), later()));
        assertEquals(2, reads.get());
    }

    @Test
    void savingDropsFilesThatLeftTheContext() throws IOException {
        Files.writeString(ctx.resolve("other.txt"), "other\n");
        Files.setLastModifiedTime(ctx.resolve("other.txt"), FileTime.from(Instant.now().minusSeconds(3600)));
        ContextSnapshot s = walk();
        StatCache cache = StatCache.open(cacheDir, s);
        digester(s, cache, later()).digest(s.entry("other.txt").orElseThrow());
        cache.save();
        Files.delete(ctx.resolve("other.txt"));
        ContextSnapshot without = walk();
        StatCache second = StatCache.open(cacheDir, without);
        second.save();
        ContextEntry gone = s.entry("other.txt").orElseThrow();
        assertTrue(StatCache.open(cacheDir, s).reusable("other.txt", gone.stat()).isEmpty());
    }

    @Test
    void unreadableFileIsAClearError() throws IOException {
        ContextSnapshot s = walk();
        ContentDigester d = new ContentDigester(s, StatCache.inMemory(), p -> {
            throw new java.nio.file.AccessDeniedException(p.toString());
        }, later());
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
            () -> d.digest(s.entry("app.txt").orElseThrow()));
        assertEquals("cannot read \"app.txt\" in the build context: permission denied", e.getMessage());
    }
}
