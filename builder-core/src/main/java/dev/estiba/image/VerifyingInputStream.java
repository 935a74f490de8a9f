package dev.estiba.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Hashes what passes through and, at the end of the stream, fails with {@link CorruptBlobException} unless the
 * bytes match the expected digest and size. The reader sees the failure before it sees end of stream.
 */
public final class VerifyingInputStream extends FilterInputStream {
    private final Digest expected;
    private final long expectedSize;
    private final String what;
    private final MessageDigest hasher;
    private long count;
    private boolean verified;

    /**
     * @param expectedSize the size the content must have, or -1 when unknown
     * @param what how to name the content in the error
     */
    public VerifyingInputStream(InputStream in, Digest expected, long expectedSize, String what) {
        super(in);
        this.expected = expected;
        this.expectedSize = expectedSize;
        this.what = what;
        this.hasher = expected.newHasher();
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            verify();
        } else {
            hasher.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
            verify();
        } else {
            hasher.update(b, off, n);
            count += n;
            if (expectedSize >= 0 && count > expectedSize) {
                throw new CorruptBlobException(what + ": longer than its declared size " + expectedSize);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(n, 8192)];
        int read = read(buf, 0, buf.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void verify() throws IOException {
        if (verified) {
            return;
        }
        verified = true;
        if (expectedSize >= 0 && count != expectedSize) {
            throw new CorruptBlobException(what + ": size " + count + " does not match the declared " + expectedSize);
        }
        if (!expected.matches(hasher.digest())) {
            throw new CorruptBlobException(what + ": content does not match digest " + expected);
        }
    }

    /** Reads to the end, so that the content is verified. */
    public void drain() throws IOException {
        byte[] buf = new byte[64 * 1024];
        while (read(buf, 0, buf.length) >= 0) {
            // hashing only
        }
    }
}
