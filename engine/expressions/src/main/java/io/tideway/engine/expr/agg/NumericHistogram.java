package io.tideway.engine.expr.agg;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Spark's {@code NumericHistogram} (Ben-Haim and Tom-Tov's streaming histogram, from Hive) over a
 * histogram held as bytes, so the same input order gives the same bins to the last bit: bins kept
 * sorted by centre, a new value either raises its bin or is inserted, and past {@code nbins} the two
 * closest bins merge into their weighted centre, ties broken by Spark's {@code java.util.Random}
 * seeded 31183, whose 48-bit state travels with the bins.
 *
 * <pre>
 *  0        8                16               24
 *  +--------+----------------+----------------+----
 *  | random | bin 0: x (f64) | bin 0: y (f64) | bin 1 ...
 *  +--------+----------------+----------------+----
 * </pre>
 *
 * Stateless; works in the caller's buffers and allocates nothing.
 */
final class NumericHistogram {
    static final int HEADER = 8;
    static final int BIN = 16;
    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long MASK = (1L << 48) - 1;
    /** {@code new java.util.Random(31183)}'s initial state. */
    static final long SEED = (31183L ^ MULTIPLIER) & MASK;

    private NumericHistogram() {
    }

    static int bins(int length) {
        return (length - HEADER) / BIN;
    }

    static double x(DirectBuffer h, int at, int i) {
        return h.getDouble(at + HEADER + BIN * i);
    }

    static double y(DirectBuffer h, int at, int i) {
        return h.getDouble(at + HEADER + BIN * i + 8);
    }

    private static void put(MutableDirectBuffer h, int at, int i, double x, double y) {
        h.putDouble(at + HEADER + BIN * i, x);
        h.putDouble(at + HEADER + BIN * i + 8, y);
    }

    /**
     * Adds {@code v} to the histogram {@code held} ({@code length} bytes, negative: none yet) and writes
     * the result from offset 0 of {@code out}; returns its length.
     */
    static int add(DirectBuffer held, int heldAt, int length, double v, int nbins, MutableDirectBuffer out) {
        int n = length < 0 ? 0 : bins(length);
        int bin = 0;
        for (int l = 0, r = n; l < r; ) { // Spark's binary search, stopping on an equal centre
            bin = (l + r) / 2;
            double x = x(held, heldAt, bin);
            if (x > v) {
                r = bin;
            } else if (x < v) {
                l = ++bin;
            } else {
                break;
            }
        }
        out.putLong(0, length < 0 ? SEED : held.getLong(heldAt));
        if (bin < n && x(held, heldAt, bin) == v) {
            out.putBytes(HEADER, held, heldAt + HEADER, n * BIN);
            out.putDouble(HEADER + BIN * bin + 8, y(held, heldAt, bin) + 1);
            return HEADER + n * BIN;
        }
        out.putBytes(HEADER, held, heldAt + HEADER, bin * BIN);
        put(out, 0, bin, v, 1);
        out.putBytes(HEADER + BIN * (bin + 1), held, heldAt + HEADER + BIN * bin, (n - bin) * BIN);
        return HEADER + BIN * trim(out, n + 1, nbins);
    }

    /**
     * Merges the histogram {@code other} into {@code held} as Spark's {@code merge}: into an empty one it
     * is copied (keeping this one's random state); else the two bin lists are merged in order (this one's
     * first among equal centres, as a stable sort) and trimmed. Writes from offset 0 of {@code out}.
     */
    static int merge(DirectBuffer held, int heldAt, int length, DirectBuffer other, int otherAt, int otherLength,
                     int nbins, MutableDirectBuffer out) {
        int n = length < 0 ? 0 : bins(length);
        int m = bins(otherLength);
        out.putLong(0, length < 0 ? SEED : held.getLong(heldAt));
        int i = 0;
        int j = 0;
        for (int k = 0; k < n + m; k++) {
            if (j >= m || i < n && x(held, heldAt, i) <= x(other, otherAt, j)) {
                put(out, 0, k, x(held, heldAt, i), y(held, heldAt, i++));
            } else {
                put(out, 0, k, x(other, otherAt, j), y(other, otherAt, j++));
            }
        }
        return HEADER + BIN * (n == 0 ? m : trim(out, n + m, nbins));
    }

    /** Merges the closest bins of the histogram at 0 of {@code h} until {@code nbins} are left; returns how many are. */
    private static int trim(MutableDirectBuffer h, int n, int nbins) {
        while (n > nbins) {
            double smallest = x(h, 0, 1) - x(h, 0, 0);
            int loc = 0;
            int count = 1;
            for (int i = 1; i < n - 1; i++) {
                double diff = x(h, 0, i + 1) - x(h, 0, i);
                if (diff < smallest) {
                    smallest = diff;
                    loc = i;
                    count = 1;
                } else if (diff == smallest && nextDouble(h) <= 1.0 / ++count) {
                    loc = i;
                }
            }
            double y0 = y(h, 0, loc);
            double y1 = y(h, 0, loc + 1);
            double d = y0 + y1;
            double x = x(h, 0, loc);
            x *= y0 / d;
            x += x(h, 0, loc + 1) / d * y1;
            put(h, 0, loc, x, d);
            for (int k = loc + 1; k < n - 1; k++) {
                put(h, 0, k, x(h, 0, k + 1), y(h, 0, k + 1));
            }
            n--;
        }
        return n;
    }

    /** {@code java.util.Random.nextDouble()} on the state held at 0 of {@code h}. */
    private static double nextDouble(MutableDirectBuffer h) {
        long hi = next(h, 26);
        return ((hi << 27) + next(h, 27)) * 0x1.0p-53;
    }

    private static long next(MutableDirectBuffer h, int bits) {
        long seed = (h.getLong(0) * MULTIPLIER + 0xBL) & MASK;
        h.putLong(0, seed);
        return (int) (seed >>> (48 - bits));
    }
}
