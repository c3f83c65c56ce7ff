package io.tideway.engine.expr;

import io.tideway.sql.types.DecimalType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The running state of a decimal aggregate (sum, avg, min, max) inside a group's value: three
 * 8-byte words, the unscaled value as a 128-bit two's-complement number (enough for any 38-digit
 * decimal) and a count of the values folded in.
 *
 * <pre>
 *   0                                                               63
 *  +-----------------------------------------------------------------+  at
 *  | unscaled value, high 64 bits                                    |
 *  +-----------------------------------------------------------------+  at + 8
 *  | unscaled value, low 64 bits                                     |
 *  +-----------------------------------------------------------------+  at + 16
 *  | count of non-null values (0: none yet)                          |
 *  +-----------------------------------------------------------------+  at + 24
 * </pre>
 *
 * Stateless; the caller owns the buffer.
 */
public final class DecimalAggregateState {
    public static final int WORDS = 3;
    private static final int HIGH = 0;
    private static final int LOW = 8;
    private static final int COUNT = 16;
    private static final BigInteger LOW_MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private DecimalAggregateState() {
    }

    public static void initialize(MutableDirectBuffer b, int at) {
        b.putLong(at + HIGH, 0L);
        b.putLong(at + LOW, 0L);
        b.putLong(at + COUNT, 0L);
    }

    public static long count(DirectBuffer b, int at) {
        return b.getLong(at + COUNT);
    }

    public static void count(MutableDirectBuffer b, int at, long n) {
        b.putLong(at + COUNT, n);
    }

    /** The held unscaled value. */
    public static BigInteger unscaled(DirectBuffer b, int at) {
        return BigInteger.valueOf(b.getLong(at + HIGH)).shiftLeft(64)
                .or(BigInteger.valueOf(b.getLong(at + LOW)).and(LOW_MASK));
    }

    /** The held value at {@code t}'s scale. */
    public static BigDecimal value(DirectBuffer b, int at, DecimalType t) {
        return new BigDecimal(unscaled(b, at), t.scale());
    }

    /**
     * Holds {@code v}; a value beyond 128 bits (far past 38 digits) is out of range for any
     * decimal, which ANSI evaluation reports at once.
     */
    public static void unscaled(MutableDirectBuffer b, int at, BigInteger v, DecimalType t) {
        if (v.bitLength() > 127) {
            throw DecimalKernels.outOfRange(new BigDecimal(v, t.scale()), t.precision(), t.scale());
        }
        b.putLong(at + HIGH, v.shiftRight(64).longValue());
        b.putLong(at + LOW, v.longValue());
    }
}
