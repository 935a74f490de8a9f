package dev.estiba.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChangeSetTest {
    static final Instant T = Instant.EPOCH;

    static Stream<Arguments> invalid() {
        return Stream.of(
            Arguments.of((Supplier<?>) () -> ChangeEntry.file("../x", 0644, T, new byte[0]),
                "invalid path \"../x\": empty, . or .. segment"),
            Arguments.of((Supplier<?>) () -> ChangeEntry.file("a//b", 0644, T, new byte[0]),
                "invalid path \"a//b\": empty, . or .. segment"),
            Arguments.of((Supplier<?>) () -> ChangeEntry.file("/", 0644, T, new byte[0]),
                "path names the root: \"/\""),
            Arguments.of((Supplier<?>) () -> ChangeEntry.file("a\0b", 0644, T, new byte[0]),
                "path contains NUL: \"a\\0b\""),
            Arguments.of((Supplier<?>) () -> ChangeEntry.file("a\uD83D", 0644, T, new byte[0]),
                "path is not valid Unicode (unpaired surrogate): \"a\uFFFD\""),
            Arguments.of((Supplier<?>) () -> ChangeEntry.file("f", 0100644, T, new byte[0]),
                "f: mode 100644 has bits outside 07777"),
            Arguments.of((Supplier<?>) () -> ChangeEntry.directory("d", 0755, -1, 0, T),
                "d: negative owner -1:0"),
            Arguments.of((Supplier<?>) () -> ChangeEntry.symlink("l", "", 0, 0, T),
                "l: invalid symlink target \"\""),
            Arguments.of((Supplier<?>) () -> ChangeSet.of(List.of(ChangeEntry.file("f", 0644, T, new byte[0]),
                    ChangeEntry.directory("/f/", 0755, 0, 0, T))),
                "f: listed twice in one change set"),
            Arguments.of((Supplier<?>) () -> ChangeSet.of(List.of(ChangeEntry.hardlink("h", "missing", 0644, 0, 0, T))),
                "h: hard link target missing is not a regular file of this layer"),
            Arguments.of((Supplier<?>) () -> new ChangeSet(List.of(ChangeEntry.file("f", 0644, T, new byte[0])),
                    Set.of("/f"), null),
                "f: both deleted and added in one change set"),
            Arguments.of((Supplier<?>) () -> new ChangeSet(List.of(), null, Set.of("d")),
                "d: an opaque directory must be a directory entry of the layer"),
            Arguments.of((Supplier<?>) () -> ChangeEntry.file("x", 0644, T, new byte[0])
                    .withXattrs(java.util.Map.of("a=b", new byte[0])),
                "x: invalid xattr name \"a=b\""));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsInvalidChanges(Supplier<?> make, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, make::get).getMessage());
    }
}
