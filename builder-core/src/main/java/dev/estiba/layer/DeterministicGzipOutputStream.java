package dev.estiba.layer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip member with every header field fixed: no file name, no comment, mtime 0, XFL 0 and OS 255
 * ("unknown", as Go's compress/gzip writes it), so the output depends only on the input and the level.
 * {@code java.util.zip.GZIPOutputStream} cannot take a level and writes OS 0.
 */
public final class DeterministicGzipOutputStream extends OutputStream {

    /** The ten header bytes every estiba gzip stream starts with. */
    public static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final OutputStream sink;
    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[64 * 1024];
    private long length;
    private boolean headerWritten;
    private boolean closed;

    public DeterministicGzipOutputStream(OutputStream sink, int level) {
        this.sink = sink;
        this.deflater = new Deflater(level, true);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        writeHeader();
        crc.update(b, off, len);
        length += len;
        deflater.setInput(b, off, len);
        while (!deflater.needsInput()) {
            drain(Deflater.NO_FLUSH);
        }
    }

    private void drain(int flush) throws IOException {
        int n = deflater.deflate(buffer, 0, buffer.length, flush);
        if (n > 0) {
            sink.write(buffer, 0, n);
        }
    }

    private void writeHeader() throws IOException {
        if (!headerWritten) {
            headerWritten = true;
            sink.write(HEADER);
        }
    }

    /** Finishes the member (deflate end, CRC32, size) and flushes; the sink stays open. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writeHeader();
            deflater.finish();
            while (!deflater.finished()) {
                drain(Deflater.NO_FLUSH);
            }
            long c = crc.getValue();
            byte[] trailer = new byte[8];
            for (int i = 0; i < 4; i++) {
                trailer[i] = (byte) (c >>> (8 * i));
                trailer[4 + i] = (byte) (length >>> (8 * i));
            }
            sink.write(trailer);
            sink.flush();
        } finally {
            deflater.end();
        }
    }
}
