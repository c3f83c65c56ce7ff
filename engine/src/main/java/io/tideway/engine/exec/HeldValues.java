package io.tideway.engine.exec;

import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.state.StateStore;
import io.tideway.offheap.row.RowWriter;
import io.tideway.engine.expr.Evaluator;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The values that {@link AggregateFunction#variableWidth() variable-width} aggregates hold
 * (min/max of strings, collect_list, percentiles), kept in a group's payload after its fixed words:
 * <pre>
 *  | fixed words (each function's bufferWords; a held value's word is its length or NO_VALUE) |
 *  | bytes of held value 0 | bytes of held value 1 | ...                                      |
 * </pre>
 * A changed value (a min that wins, a list one value longer) replaces the whole payload through
 * {@link StateStore#put}, which may move the entry: callers continue with the handle returned. A
 * min or max changes rarely once a group has seen a few rows, so the steady state writes nothing;
 * a collecting function rewrites its group's payload on every row. One per {@link HashAggregator};
 * task thread only.
 */
final class HeldValues {
    private final AggregateFunction[] functions;
    /** Offset of each held value's length word within the payload. */
    private final int[] lengthWords;
    private final int fixedLength;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[64]);
    /** Where a function writes a held value's new state before the payload is rebuilt around it. */
    private final ExpandableArrayBuffer folded = new ExpandableArrayBuffer(64);

    HeldValues(AggregateFunction[] functions, int[] lengthWords, int fixedLength) {
        this.functions = functions;
        this.lengthWords = lengthWords;
        this.fixedLength = fixedLength;
    }

    boolean isEmpty() {
        return functions.length == 0;
    }

    int size() {
        return functions.length;
    }

    /** Byte length of held value {@code v} in the payload at {@code base}, or -1 when none. */
    int length(DirectBuffer payload, int base, int v) {
        return (int) payload.getLong(base + lengthWords[v]);
    }

    /** Offset of held value {@code v}'s bytes in the payload at {@code base}. */
    int offset(DirectBuffer payload, int base, int v) {
        int at = base + fixedLength;
        for (int j = 0; j < v; j++) {
            at += Math.max(0, length(payload, base, j));
        }
        return at;
    }

    /**
     * Folds one input row ({@code in}, the function's input evaluators) into held value {@code v}
     * of the entry {@code handle} (key {@code key}); returns the entry's handle afterwards.
     */
    long update(StateStore store, long handle, DirectBuffer key, int keyOffset, int keyLength, int v, Evaluator[] in) {
        MutableDirectBuffer page = store.buffer(handle);
        int base = store.payloadOffset(handle);
        int held = length(page, base, v);
        int n = functions[v].updateHeld(page, offset(page, base, v), held, in, folded);
        return n == AggregateFunction.UNCHANGED ? handle : replace(store, handle, key, keyOffset, keyLength, v, n);
    }

    /** Folds another partial state's held value {@code v} ({@code length} bytes at {@code at}) into the entry's. */
    long merge(StateStore store, long handle, DirectBuffer key, int keyOffset, int keyLength, int v,
               DirectBuffer other, int at, int length) {
        MutableDirectBuffer page = store.buffer(handle);
        int base = store.payloadOffset(handle);
        int held = length(page, base, v);
        int n = functions[v].mergeHeld(page, offset(page, base, v), held, other, at, length, folded);
        return n == AggregateFunction.UNCHANGED ? handle : replace(store, handle, key, keyOffset, keyLength, v, n);
    }

    /** Rewrites the entry's payload with held value {@code v} replaced by the {@code length} bytes of {@link #folded}. */
    private long replace(StateStore store, long handle, DirectBuffer key, int keyOffset, int keyLength, int v, int length) {
        MutableDirectBuffer page = store.buffer(handle);
        int base = store.payloadOffset(handle);
        int held = length(page, base, v);
        int newLength = store.payloadLength(handle) - Math.max(0, held) + length;
        if (scratch.capacity() < newLength) {
            scratch.wrap(new byte[Math.max(newLength, scratch.capacity() * 2)]);
        }
        scratch.putBytes(0, page, base, fixedLength);
        scratch.putLong(lengthWords[v], length);
        int to = fixedLength;
        for (int j = 0; j < functions.length; j++) {
            if (j == v) {
                scratch.putBytes(to, folded, 0, length);
                to += length;
            } else {
                int n = Math.max(0, length(page, base, j));
                scratch.putBytes(to, page, offset(page, base, j), n);
                to += n;
            }
        }
        return store.put(key, keyOffset, keyLength, scratch, 0, newLength);
    }

    /** Writes held value {@code v} of the payload at {@code base} (null when none) into {@code out}'s field. */
    void write(DirectBuffer payload, int base, int v, RowWriter out, int field) {
        functions[v].writeHeld(payload, offset(payload, base, v), length(payload, base, v), out, field);
    }
}
