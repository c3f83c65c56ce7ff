package io.tideway.engine.expr;

import io.tideway.offheap.row.ArrayWriter;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Where an interpreted expression that returns an array builds it: a one-field row in a scratch
 * buffer reused row after row, whose array the evaluator then points at. One per evaluator; not
 * thread-safe.
 */
public final class ArrayOut {
    private final GrowableBuffer scratch = new GrowableBuffer(256);
    private final RowWriter holder = new RowWriter(1);
    private final RowReader holderReader = new RowReader(1);

    /** Starts a new array of {@code count} elements. */
    public ArrayWriter begin(int count) {
        holder.wrap(scratch.buffer(), 0, scratch);
        return holder.beginArray(0, count);
    }

    /** Element {@code i} as the UTF-8 bytes of {@code s}. */
    public static void putString(ArrayWriter a, int i, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        a.putBytes(i, new UnsafeBuffer(b), 0, b.length);
    }

    /** Ends the array begun last ({@code a.end()} done) and points {@code e}'s result at it. */
    public void finish(Evaluator e) {
        holderReader.wrap(scratch.buffer(), 0, holder.finish());
        e.buf = scratch.buffer();
        e.off = holderReader.varOffset(0);
        e.len = holderReader.varLength(0);
    }
}
