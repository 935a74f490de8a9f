package dev.estiba.layer;

import dev.estiba.image.Digest;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/** Passes bytes on while hashing (sha256) and counting them. Closing does not close the next stream. */
public final class HashingOutputStream extends FilterOutputStream {
    private final MessageDigest sha256 = Digest.newSha256();
    private long count;

    public HashingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        sha256.update((byte) b);
        count++;
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        sha256.update(b, off, len);
        count += len;
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }

    /** The digest of everything written; call once, at the end. */
    public Digest digest() {
        return Digest.ofSha256(sha256.digest());
    }

    public long count() {
        return count;
    }
}
