package io.tideway.engine.source.rate;

import com.fasterxml.jackson.databind.JsonNode;
import io.tideway.engine.source.PartitionOffsetsJson;

/**
 * Where a micro-batch {@code rate} query resumes from a continuous run's offsets
 * {@code {"0":{"value":v0,"runTimeMs":t0},...}}: partition p of N emitted values up to
 * {@code v_p} (≡ p mod N), so every value below {@code m = min over p of (v_p + N)} was emitted
 * and m was not. The micro-batch offset is a whole second, so it resumes at the largest second s
 * with {@code valueAtSecond(s) <= m}; the values in {@code [valueAtSecond(s), m)} and any a
 * partition emitted beyond m are generated again (<b>at-least-once</b>; the micro-batch rows
 * carry micro-batch timestamps).
 *
 * <p>{@code originMs} is the creation time that puts second s where the continuous schedule put
 * value {@code V = valueAtSecond(s)}: V belongs to partition {@code q = V mod N}, which steps
 * {@code N * 1000 / rowsPerSecond} ms a row, so V is due {@code (V - v_q) * 1000 / rowsPerSecond}
 * ms after {@code t_q} (before it, when q had emitted V already). A query
 * whose checkpoint has no logged creation time adopts it, so its next batch follows on in time
 * instead of waiting s seconds from a fresh origin. N is the count the continuous run wrote.
 *
 * <p>Threading: immutable.
 *
 * @param seconds  the micro-batch offset (whole seconds since the origin)
 * @param originMs the origin that lines those seconds up with the continuous run's times
 */
record RateResumePoint(long seconds, long originMs) {
    private static final String NAME = "rate";

    static RateResumePoint fromContinuous(String json, long rowsPerSecond, long rampUpTimeSeconds) {
        JsonNode node = PartitionOffsetsJson.read(json, NAME);
        int n = node.size();
        if (!node.isObject() || n == 0) {
            throw new IllegalArgumentException("Invalid rate offset '" + json + "': expected a number of seconds or"
                    + " {\"0\":{\"value\":<long>,\"runTimeMs\":<long>},...}");
        }
        JsonNode[] parts = PartitionOffsetsJson.partitions(node, n, NAME);
        long[] values = new long[n];
        long[] timesMs = new long[n];
        long next = Long.MAX_VALUE;
        for (int p = 0; p < n; p++) {
            JsonNode value = parts[p].get("value");
            JsonNode time = parts[p].get("runTimeMs");
            if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()
                    || time == null || !time.isIntegralNumber() || !time.canConvertToLong()) {
                throw new IllegalArgumentException("Invalid rate offset for partition " + p + ": expected"
                        + " {\"value\":<long>,\"runTimeMs\":<long>} but was " + parts[p]);
            }
            if (value.longValue() < p - (long) n || value.longValue() > Long.MAX_VALUE - n) {
                throw new IllegalArgumentException("Invalid rate offset for partition " + p + ": value "
                        + value.longValue() + " is out of range for " + n + " partitions");
            }
            values[p] = value.longValue();
            timesMs[p] = time.longValue();
            next = Math.min(next, values[p] + n);
        }
        long seconds = lastSecondAtOrBelow(next, rowsPerSecond, rampUpTimeSeconds);
        long resumeValue = RateSchedule.valueAtSecond(seconds, rowsPerSecond, rampUpTimeSeconds);
        int q = (int) Math.floorMod(resumeValue, (long) n);
        long dueMs = timesMs[q] + (long) Math.floor((resumeValue - values[q]) * 1000.0 / rowsPerSecond);
        return new RateResumePoint(seconds, dueMs - seconds * 1000);
    }

    /**
     * The largest s with {@code valueAtSecond(s) <= value} (valueAtSecond never decreases): in
     * closed form past the ramp-up, where it grows by {@code rowsPerSecond} a second, and by
     * bisection within it.
     */
    static long lastSecondAtOrBelow(long value, long rowsPerSecond, long rampUpTimeSeconds) {
        long rampedUp = RateSchedule.valueAtSecond(rampUpTimeSeconds, rowsPerSecond, rampUpTimeSeconds);
        if (value >= rampedUp) {
            long max = RateSchedule.maxSeconds(rowsPerSecond);
            long after = (value - rampedUp) / rowsPerSecond;
            return after >= max - rampUpTimeSeconds ? max : rampUpTimeSeconds + after;
        }
        long lo = 0; // valueAtSecond(0) = 0 <= value
        long hi = rampUpTimeSeconds - 1; // valueAtSecond(rampUp) > value
        while (lo < hi) {
            long mid = hi - (hi - lo) / 2;
            if (RateSchedule.valueAtSecond(mid, rowsPerSecond, rampUpTimeSeconds) <= value) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
