package io.tideway.engine.source.file;

import io.tideway.offheap.row.RowWriter;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code text} format's lines (ended by {@code \n}, {@code \r\n} or {@code \r}, as
 * {@link java.io.BufferedReader#readLine} ends them) read as bytes: a line of ASCII is copied from
 * the read buffer into its row, never decoded into a {@code String} and encoded back; a line with
 * other bytes is decoded with U+FFFD for what is not UTF-8, as {@link LineRecordReader} does. Line
 * ends are found eight bytes at a time. For word count over text files this was about a seventh of
 * the time.
 *
 * <p>Threading: owned by one worker thread.
 */
final class TextLineReader implements FileRowReader {
    private static final long NL = 0x0A0A0A0A0A0A0A0AL;
    private static final long CR = 0x0D0D0D0D0D0D0D0DL;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH = 0x8080808080808080L;
    private final InputStream in;
    private byte[] bytes;
    private final UnsafeBuffer view;
    /** Where the next line starts in {@link #bytes}. */
    private int pos;
    /** The end of what was read into {@link #bytes}. */
    private int limit;
    private boolean eof;

    TextLineReader(Path file) throws IOException {
        this(file, 64 * 1024);
    }

    /** @param bufferSize the read buffer's first size (it grows for longer lines) */
    TextLineReader(Path file, int bufferSize) throws IOException {
        this.in = Files.newInputStream(file);
        this.bytes = new byte[bufferSize];
        this.view = new UnsafeBuffer(bytes);
    }

    @Override
    public int next(RowWriter row) throws IOException {
        int end = findLineEnd(pos);
        while (end < 0) {
            if (eof) {
                if (pos == limit) {
                    return END;
                }
                end = limit; // a last line without a line end
                break;
            }
            int scanned = limit - pos;
            fill();
            end = findLineEnd(pos + scanned);
        }
        int start = pos;
        int length = end - start;
        if (end < limit && bytes[end] == '\r') {
            if (end + 1 == limit && !eof) {
                fill(); // is the \r followed by \n? (fill keeps the line at the start of the buffer)
                end = (end - start) + pos;
                start = pos;
            }
            pos = end + 1 < limit && bytes[end + 1] == '\n' ? end + 2 : end + 1;
        } else {
            pos = Math.min(end + 1, limit);
        }
        if (isAscii(start, length)) {
            row.putBytes(0, view, start, length);
        } else {
            row.putString(0, new String(bytes, start, length, StandardCharsets.UTF_8));
        }
        return ROW;
    }

    /** The index of the first \n or \r at or after {@code from}, or -1 before {@link #limit}. */
    private int findLineEnd(int from) {
        int i = from;
        for (; i + 8 <= limit; i += 8) {
            long w = view.getLong(i, ByteOrder.LITTLE_ENDIAN);
            long hit = zeroBytes(w ^ NL) | zeroBytes(w ^ CR);
            if (hit != 0) {
                return i + (Long.numberOfTrailingZeros(hit) >>> 3);
            }
        }
        for (; i < limit; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    /** 0x80 in exactly the bytes of {@code x} that are zero. */
    private static long zeroBytes(long x) {
        return ~(((x & LOW7) + LOW7) | x | LOW7);
    }

    private boolean isAscii(int from, int length) {
        int i = from;
        int end = from + length;
        for (; i + 8 <= end; i += 8) {
            if ((view.getLong(i) & HIGH) != 0) {
                return false;
            }
        }
        for (; i < end; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Moves the unread bytes to the front (growing the buffer for a long line) and reads more. */
    private void fill() throws IOException {
        int unread = limit - pos;
        if (pos > 0) {
            System.arraycopy(bytes, pos, bytes, 0, unread);
        } else if (unread == bytes.length) {
            byte[] bigger = new byte[bytes.length * 2];
            System.arraycopy(bytes, 0, bigger, 0, unread);
            bytes = bigger;
            view.wrap(bytes);
        }
        pos = 0;
        limit = unread;
        int n = in.read(bytes, limit, bytes.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
