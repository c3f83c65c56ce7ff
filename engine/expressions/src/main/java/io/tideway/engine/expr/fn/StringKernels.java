package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.BytesOut;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The string functions' implementations, over UTF-8 bytes as rows hold them (Spark's
 * {@code UTF8String}); generated code calls these. ASCII input takes paths that allocate
 * nothing; other input may go through {@link String}. Stateless.
 */
public final class StringKernels {
    private StringKernels() {
    }

    /** The number of characters (code points) in UTF-8 {@code b[off, off+len)}. */
    public static int numChars(DirectBuffer b, int off, int len) {
        int n = 0;
        for (int i = 0; i < len; i++) {
            if ((b.getByte(off + i) & 0xC0) != 0x80) { // not a continuation byte
                n++;
            }
        }
        return n;
    }

    /** Upper case, as Java's root locale (so {@code ß} is {@code SS}); returns the length written to {@code out}. */
    public static int upper(DirectBuffer b, int off, int len, BytesOut out) {
        out.reset();
        if (isAscii(b, off, len)) {
            out.ensure(len);
            for (int i = 0; i < len; i++) {
                byte c = b.getByte(off + i);
                out.buffer().putByte(i, c >= 'a' && c <= 'z' ? (byte) (c - 32) : c);
            }
            out.length(len);
            return len;
        }
        return out.append(string(b, off, len).toUpperCase(Locale.ROOT)).length();
    }

    /** Lower case, as Java's root locale; returns the length written to {@code out}. */
    public static int lower(DirectBuffer b, int off, int len, BytesOut out) {
        out.reset();
        if (isAscii(b, off, len)) {
            out.ensure(len);
            for (int i = 0; i < len; i++) {
                byte c = b.getByte(off + i);
                out.buffer().putByte(i, c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c);
            }
            out.length(len);
            return len;
        }
        return out.append(string(b, off, len).toLowerCase(Locale.ROOT)).length();
    }

    static boolean isAscii(DirectBuffer b, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (b.getByte(off + i) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The bytes as a Java string (allocates). */
    public static String string(DirectBuffer b, int off, int len) {
        byte[] bytes = new byte[len];
        b.getBytes(off, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
