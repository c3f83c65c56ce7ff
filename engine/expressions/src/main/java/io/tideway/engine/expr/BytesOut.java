package io.tideway.engine.expr;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Where a function that returns a string or binary writes its result: a heap buffer that grows
 * as needed and is reused row after row, so the result costs no allocation once warm. The result
 * lives at offset 0 until the next {@link #reset}. One per call site (generated code's
 * {@code scratch()} field); not thread-safe.
 */
public final class BytesOut {
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
    private int length;

    /** The buffer; the same object for this output's whole life, even as its memory grows. */
    public UnsafeBuffer buffer() {
        return buffer;
    }

    /** Starts a new result. */
    public BytesOut reset() {
        length = 0;
        return this;
    }

    /** The result's length so far. */
    public int length() {
        return length;
    }

    /** Makes room for {@code more} bytes after the current end. */
    public void ensure(int more) {
        int need = length + more;
        if (need > buffer.capacity()) {
            byte[] bigger = new byte[Math.max(need, buffer.capacity() * 2)];
            buffer.getBytes(0, bigger, 0, length);
            buffer.wrap(bigger);
        }
    }

    public BytesOut append(byte b) {
        ensure(1);
        buffer.putByte(length++, b);
        return this;
    }

    public BytesOut append(DirectBuffer src, int offset, int len) {
        ensure(len);
        buffer.putBytes(length, src, offset, len);
        length += len;
        return this;
    }

    public BytesOut append(byte[] src) {
        ensure(src.length);
        buffer.putBytes(length, src);
        length += src.length;
        return this;
    }

    /** Appends {@code s} encoded as UTF-8 (allocates: for results that are built as Java strings). */
    public BytesOut append(String s) {
        return append(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Sets the length directly, after writing through {@link #buffer} (which {@link #ensure} sized). */
    public void length(int length) {
        this.length = length;
    }
}
