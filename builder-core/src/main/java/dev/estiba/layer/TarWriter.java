package dev.estiba.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a ustar stream with PAX extended headers, byte for byte the same for the same entries. Written by
 * hand rather than with commons-compress because PAX xattr values must be raw bytes (file capabilities are
 * binary) and every header byte must be under our control for reproducible digests.
 *
 * <p>PAX records are used for names or link targets longer than 100 bytes or not ASCII, sizes and times
 * beyond 11 octal digits, owners beyond 7, and extended attributes ({@code SCHILY.xattr.NAME}).
 */
public final class TarWriter implements AutoCloseable {
    static final int BLOCK = 512;
    private static final long MAX_OCTAL_11 = 077777777777L;
    private static final long MAX_OCTAL_7 = 07777777L;
    private static final byte[] ZEROS = new byte[BLOCK * 2];

    private final OutputStream out;
    private final byte[] buffer = new byte[256 * 1024];
    private boolean closed;

    /** Writes into {@code out}; closing this writer ends the archive but leaves {@code out} open. */
    public TarWriter(OutputStream out) {
        this.out = out;
    }

    /** One tar header's fields. {@code name} has a trailing slash for directories. */
    public record Header(String name, char typeFlag, int mode, long uid, long gid, long size, long mtimeSeconds,
                         String linkName, Map<String, byte[]> xattrs, Device device) {
    }

    /** Writes a header, then (for files) exactly {@code header.size()} bytes from {@code content}. */
    public void write(Header h, InputStream content) throws IOException {
        TreeMap<String, byte[]> pax = new TreeMap<>();
        byte[] name = h.name().getBytes(StandardCharsets.UTF_8);
        if (name.length > 100 || !isAscii(h.name())) {
            pax.put("path", name);
        }
        if (h.linkName() != null) {
            byte[] link = h.linkName().getBytes(StandardCharsets.UTF_8);
            if (link.length > 100 || !isAscii(h.linkName())) {
                pax.put("linkpath", link);
            }
        }
        if (h.size() > MAX_OCTAL_11) {
            pax.put("size", ascii(Long.toString(h.size())));
        }
        if (h.uid() > MAX_OCTAL_7) {
            pax.put("uid", ascii(Long.toString(h.uid())));
        }
        if (h.gid() > MAX_OCTAL_7) {
            pax.put("gid", ascii(Long.toString(h.gid())));
        }
        if (h.mtimeSeconds() < 0 || h.mtimeSeconds() > MAX_OCTAL_11) {
            pax.put("mtime", ascii(Long.toString(h.mtimeSeconds())));
        }
        if (h.xattrs() != null) {
            for (Map.Entry<String, byte[]> x : h.xattrs().entrySet()) {
                pax.put("SCHILY.xattr." + x.getKey(), x.getValue());
            }
        }
        if (!pax.isEmpty()) {
            writePax(h, pax);
        }
        out.write(header(fallback(h.name()), h.typeFlag(), h.mode(), h.uid(), h.gid(), h.size(), h.mtimeSeconds(),
            h.linkName() == null ? "" : fallback(h.linkName()), h.device()));
        if (h.typeFlag() == EntryType.FILE.tarFlag() && h.size() > 0) {
            copyExactly(h.name(), content, h.size());
            pad(h.size());
        }
    }

    private void writePax(Header h, Map<String, byte[]> records) throws IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> r : records.entrySet()) {
            byte[] key = r.getKey().getBytes(StandardCharsets.UTF_8);
            int fixed = 1 + key.length + 1 + r.getValue().length + 1; // " key=value\n"
            int length = fixed + Integer.toString(fixed).length();
            if (Integer.toString(length).length() != Integer.toString(fixed).length()) {
                length = fixed + Integer.toString(length).length();
            }
            body.write(ascii(Integer.toString(length)));
            body.write(' ');
            body.write(key);
            body.write('=');
            body.write(r.getValue());
            body.write('\n');
        }
        String base = LayerPath.name(h.name().endsWith("/") ? h.name().substring(0, h.name().length() - 1) : h.name());
        String paxName = "PaxHeaders.0/" + base;
        out.write(header(fallback(paxName), 'x', 0644, 0, 0, body.size(), Math.max(0, Math.min(h.mtimeSeconds(),
            MAX_OCTAL_11)), "", null));
        body.writeTo(out);
        pad(body.size());
    }

    private void copyExactly(String name, InputStream in, long size) throws IOException {
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new LayerWriteException(name + ": content ended after " + (size - left) + " of " + size
                    + " bytes (file changed while writing the layer?)");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
        if (in.read() >= 0) {
            throw new LayerWriteException(name + ": content is longer than its declared size " + size
                + " (file changed while writing the layer?)");
        }
    }

    private void pad(long size) throws IOException {
        int rest = (int) (size % BLOCK);
        if (rest != 0) {
            out.write(ZEROS, 0, BLOCK - rest);
        }
    }

    /** Ends the archive with two zero blocks; does not close the underlying stream. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.write(ZEROS);
            out.flush();
        }
    }

    private static byte[] header(String name, char type, int mode, long uid, long gid, long size, long mtime,
                                 String link, Device device) {
        byte[] b = new byte[BLOCK];
        put(b, 0, 100, name);
        octal(b, 100, 8, mode);
        octal(b, 108, 8, uid > MAX_OCTAL_7 ? 0 : uid);
        octal(b, 116, 8, gid > MAX_OCTAL_7 ? 0 : gid);
        octal(b, 124, 12, size > MAX_OCTAL_11 ? 0 : size);
        octal(b, 136, 12, mtime < 0 || mtime > MAX_OCTAL_11 ? 0 : mtime);
        Arrays.fill(b, 148, 156, (byte) ' ');
        b[156] = (byte) type;
        put(b, 157, 100, link);
        put(b, 257, 6, "ustar\0");
        put(b, 263, 2, "00");
        octal(b, 329, 8, device != null ? device.major() : 0);
        octal(b, 337, 8, device != null ? device.minor() : 0);
        long sum = 0;
        for (byte x : b) {
            sum += x & 0xff;
        }
        octal(b, 148, 7, sum); // six digits and a NUL, then the space left from the fill
        return b;
    }

    /** Copies the low bytes of {@code s}'s chars (ASCII by the time they get here), at most {@code len}. */
    private static void put(byte[] b, int off, int len, String s) {
        int n = Math.min(len, s.length());
        for (int i = 0; i < n; i++) {
            b[off + i] = (byte) s.charAt(i);
        }
    }

    /** {@code value} in octal, zero-padded to {@code len - 1} digits, then a NUL (one header per entry: no strings). */
    private static void octal(byte[] b, int off, int len, long value) {
        long v = value;
        for (int i = off + len - 2; i >= off; i--) {
            b[i] = (byte) ('0' + (v & 7));
            v >>>= 3;
        }
        if (v != 0) {
            throw new IllegalArgumentException(value + " does not fit in " + (len - 1) + " octal digits");
        }
        b[off + len - 1] = 0;
    }

    /** What old readers see when the real name is in a PAX record: ASCII, at most 100 bytes. */
    private static String fallback(String s) {
        if (s.length() <= 100 && isAscii(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 100; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x80 ? c : '_');
        }
        return sb.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
