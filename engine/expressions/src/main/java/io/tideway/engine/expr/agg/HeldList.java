package io.tideway.engine.expr.agg;

import io.tideway.engine.expr.Evaluator;
import io.tideway.sql.types.DataType;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * A list of values held as an aggregate's state (collect_list's values, a distinct aggregate's
 * set, a percentile's samples): entries one after another, each a 4-byte length and then the
 * {@link ValueCodec} bytes of one non-null value.
 * <pre>
 *  | length 0 (int) | value 0 bytes | length 1 (int) | value 1 bytes | ...
 * </pre>
 * A held length of {@code NO_VALUE} is the empty list. Stateless.
 */
final class HeldList {
    static final int LENGTH_BYTES = 4;

    private HeldList() {
    }

    /** Copies the list ({@code heldLength} &lt; 0: empty) into {@code out} with {@code e}'s value appended; returns the new length. */
    static int append(DirectBuffer held, int heldAt, int heldLength, Evaluator e, DataType t, ExpandableArrayBuffer out) {
        int n = Math.max(0, heldLength);
        if (n > 0) {
            out.putBytes(0, held, heldAt, n);
        }
        int len = ValueCodec.encode(e, t, out, n + LENGTH_BYTES);
        out.putInt(n, len);
        return n + LENGTH_BYTES + len;
    }

    /** Copies two lists one after the other into {@code out}; returns the length. */
    static int concat(DirectBuffer a, int aAt, int aLength, DirectBuffer b, int bAt, int bLength, ExpandableArrayBuffer out) {
        int n = Math.max(0, aLength);
        if (n > 0) {
            out.putBytes(0, a, aAt, n);
        }
        if (bLength > 0) {
            out.putBytes(n, b, bAt, bLength);
        }
        return n + Math.max(0, bLength);
    }

    /** Number of entries. */
    static int count(DirectBuffer b, int at, int length) {
        int n = 0;
        for (int p = at, end = at + length; p < end; p = next(b, p)) {
            n++;
        }
        return n;
    }

    /** Offset of the entry after the one at {@code p}. */
    static int next(DirectBuffer b, int p) {
        return p + LENGTH_BYTES + b.getInt(p);
    }

    static int valueAt(int p) {
        return p + LENGTH_BYTES;
    }

    static int valueLength(DirectBuffer b, int p) {
        return b.getInt(p);
    }

    /** Whether the list holds a value equal to the {@code len} bytes at {@code v}. */
    static boolean contains(DirectBuffer b, int at, int length, DirectBuffer v, int vAt, int len, DataType t) {
        for (int p = at, end = at + length; p < end; p = next(b, p)) {
            if (ValueCodec.same(b, valueAt(p), valueLength(b, p), v, vAt, len, t)) {
                return true;
            }
        }
        return false;
    }
}
