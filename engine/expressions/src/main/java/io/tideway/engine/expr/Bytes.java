package io.tideway.engine.expr;

import org.agrona.DirectBuffer;

/** Byte-range comparisons used by expressions and operators on strings and binary values. */
public final class Bytes {
    private Bytes() {
    }

    /** Unsigned lexicographic order, which for UTF-8 is code-point order (Spark's string order). */
    public static int compare(DirectBuffer a, int aOff, int aLen, DirectBuffer b, int bOff, int bLen) {
        int n = Math.min(aLen, bLen);
        for (int i = 0; i < n; i++) {
            int x = a.getByte(aOff + i) & 0xFF;
            int y = b.getByte(bOff + i) & 0xFF;
            if (x != y) {
                return x - y;
            }
        }
        return aLen - bLen;
    }

    public static boolean equals(DirectBuffer a, int aOff, int aLen, DirectBuffer b, int bOff, int bLen) {
        if (aLen != bLen) {
            return false;
        }
        int i = 0;
        for (; i + 8 <= aLen; i += 8) {
            if (a.getLong(aOff + i) != b.getLong(bOff + i)) {
                return false;
            }
        }
        for (; i < aLen; i++) {
            if (a.getByte(aOff + i) != b.getByte(bOff + i)) {
                return false;
            }
        }
        return true;
    }
}
