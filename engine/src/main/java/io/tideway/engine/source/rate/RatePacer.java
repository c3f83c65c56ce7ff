package io.tideway.engine.source.rate;

/**
 * The exact intended times of one continuous rate partition: row k is due at
 * {@code start + floor(k * numPartitions * 1e9 / rowsPerSecond)} ns, kept as an integer part and
 * a remainder so that no rounding accumulates at any rate and nothing is divided per row (Spark
 * truncates the period to whole ms instead).
 *
 * <p>Threading: owned by one reader thread.
 */
final class RatePacer {
    /** Whole ns per row: {@code numPartitions * 1e9 / rowsPerSecond}. */
    private final long stepNanos;
    /** The fraction of a ns per row, in units of {@code 1/rowsPerSecond}. */
    private final long stepRemainder;
    private final long rowsPerSecond;
    /** Time of the current row, ns in the pacing clock's domain. Reader thread only. */
    private long due;
    /** Accumulated fraction of a ns, {@code 0 <= carry < rowsPerSecond}. Reader thread only. */
    private long carry;

    /** A schedule whose row 0 is at {@code startNanos}; {@link #advance()} moves to row 1. */
    RatePacer(long rowsPerSecond, int numPartitions, long startNanos) {
        long numerator = numPartitions * 1_000_000_000L; // at most 2^31 * 1e9 < 2^63
        this.rowsPerSecond = rowsPerSecond;
        this.stepNanos = numerator / rowsPerSecond;
        this.stepRemainder = numerator % rowsPerSecond;
        this.due = startNanos;
    }

    /** When the current row is due. */
    long due() {
        return due;
    }

    /** Moves to the next row, one period later. */
    void advance() {
        due += stepNanos;
        // carry + stepRemainder >= rowsPerSecond, compared without overflowing
        if (carry >= rowsPerSecond - stepRemainder) {
            carry -= rowsPerSecond - stepRemainder;
            due++;
        } else {
            carry += stepRemainder;
        }
    }

    /** The accumulated fraction, for a loop that advances the schedule in locals (see {@link #advance()}) and {@link #resume}s. */
    long carry() {
        return carry;
    }

    /** The fraction of a ns per row, in units of {@code 1/rowsPerSecond}. */
    long stepRemainder() {
        return stepRemainder;
    }

    long rowsPerSecond() {
        return rowsPerSecond;
    }

    /** Continues from the state a loop that advanced the schedule in locals reached. */
    void resume(long due, long carry) {
        this.due = due;
        this.carry = carry;
    }

    /** Whole ns of one period (the fraction dropped), for offsets derived from a schedule. */
    long stepNanos() {
        return stepNanos;
    }
}
