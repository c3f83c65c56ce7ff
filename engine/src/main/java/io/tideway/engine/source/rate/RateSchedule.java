package io.tideway.engine.source.rate;

/**
 * How many rows the {@code rate} source has produced by each whole second since its origin
 * (Spark's {@code RateStreamProvider.valueAtSecond}), with the overflow guards that keep every
 * value inside a long. Pure functions; thread-safe.
 */
final class RateSchedule {
    private RateSchedule() {
    }

    /** The highest second whose end value still fits a long. */
    static long maxSeconds(long rowsPerSecond) {
        return Long.MAX_VALUE / rowsPerSecond;
    }

    /** Fails at option parsing when the ramp-up alone would overflow. */
    static void checkRampUp(long rowsPerSecond, long rampUpTimeSeconds) {
        long max = maxSeconds(rowsPerSecond);
        if (rampUpTimeSeconds > max) {
            throw new ArithmeticException("Integer overflow. Max offset with " + rowsPerSecond + " rowsPerSecond is "
                    + max + ", but 'rampUpTimeSeconds' is " + rampUpTimeSeconds + ".");
        }
    }

    /** Fails when a batch would end past the last second whose values fit a long. */
    static void checkEndSecond(long rowsPerSecond, long endSeconds) {
        long max = maxSeconds(rowsPerSecond);
        if (endSeconds > max) {
            throw new ArithmeticException("Integer overflow. Max offset with " + rowsPerSecond + " rowsPerSecond is "
                    + max + ", but it's " + endSeconds + " now.");
        }
    }

    /**
     * Rows emitted by the end of {@code seconds}: during ramp-up the speed grows by
     * {@code rowsPerSecond / (rampUp + 1)} (integer division) each second, then stays at
     * {@code rowsPerSecond}. E.g. rampUp 4, rate 10: 0, 2, 6, 12, 20, 30, 40, ...
     */
    static long valueAtSecond(long seconds, long rowsPerSecond, long rampUpTimeSeconds) {
        long speedDeltaPerSecond = rowsPerSecond / (rampUpTimeSeconds + 1);
        if (seconds <= rampUpTimeSeconds) {
            // (speedDelta * seconds) * (seconds + 1) / 2, halving the even factor first so it cannot overflow
            if (seconds % 2 == 1) {
                return (seconds + 1) / 2 * speedDeltaPerSecond * seconds;
            }
            return seconds / 2 * speedDeltaPerSecond * (seconds + 1);
        }
        long rampUpPart = valueAtSecond(rampUpTimeSeconds, rowsPerSecond, rampUpTimeSeconds);
        return rampUpPart + (seconds - rampUpTimeSeconds) * rowsPerSecond;
    }
}
