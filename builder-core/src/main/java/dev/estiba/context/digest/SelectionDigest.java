package dev.estiba.context.digest;

import dev.estiba.image.Digest;
import dev.estiba.context.EntryType;
import dev.estiba.context.select.SelectedEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The digest of what a COPY or ADD writes, for its cache key: one record per selected entry, in order, holding
 * the destination-relative path, type, mode and owner after the rules (a symlink is always 0777), the symlink
 * target and the content
 * digest. File times are not part of it (layers clamp them). Every field is length-prefixed, so no two
 * different selections share an encoding.
 *
 * @param digest  {@code sha256:<hex>} over all records
 * @param entries the records, so a cache miss can say which entry changed
 */
public record SelectionDigest(String digest, List<Record> entries) {
    /**
     * One selected entry as the key sees it.
     *
     * @param destination   destination-relative path
     * @param type          the entry's kind
     * @param mode          permission bits after {@code --chmod}
     * @param uid           owner after {@code --chown}
     * @param gid           group after {@code --chown}
     * @param linkTarget    a symlink's target, else {@code ""}
     * @param contentDigest a file's {@code sha256:<hex>}, else {@code ""}
     */
    public record Record(String destination, EntryType type, int mode, long uid, long gid, String linkTarget,
                         String contentDigest) {
    }

    /** Compact constructor: keeps an immutable copy. */
    public SelectionDigest {
        entries = List.copyOf(entries);
    }

    /** Digests a selection, hashing file contents through {@code digester} (and its stat cache). */
    public static SelectionDigest of(List<SelectedEntry> selection, MetadataRule rule, ContentDigester digester)
            throws IOException {
        MessageDigest md = Digest.newSha256();
        List<Record> records = new ArrayList<>(selection.size());
        for (SelectedEntry s : selection) {
            EntryType type = s.source().type();
            // A symlink's own mode means nothing on Linux and --chmod does not touch it: always 0777.
            int mode = type == EntryType.SYMLINK ? 0777 : rule.mode().apply(type, s.source().mode());
            Record r = new Record(s.destination(), type, mode, rule.uid(),
                rule.gid(), type == EntryType.SYMLINK ? s.source().linkTarget() : "",
                type == EntryType.FILE ? digester.digest(s.source()) : "");
            records.add(r);
            md.update(encode(r));
        }
        return new SelectionDigest(Digest.ofSha256(md.digest()).toString(), records);
    }

    private static byte[] encode(Record r) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        field(b, r.destination());
        field(b, r.type().name());
        field(b, Integer.toOctalString(r.mode()));
        field(b, Long.toString(r.uid()));
        field(b, Long.toString(r.gid()));
        field(b, r.linkTarget());
        field(b, r.contentDigest());
        return b.toByteArray();
    }

    private static void field(ByteArrayOutputStream b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        try {
            b.write(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            b.write(':');
            b.write(bytes);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
