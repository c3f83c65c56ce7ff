package io.tideway.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class IntervalPercentilesTest {
    private final SplittableRandom random = new SplittableRandom(42);

    @Test
    void onePassGivesWhatGetValueAtPercentileGives() {
        for (int digits = 1; digits <= 2; digits++) {
            for (int n : new int[] {1, 2, 3, 99, 100, 101, 1000, 12345}) {
                assertSameAsHdrHistogram(digits, n);
            }
        }
    }

    private void assertSameAsHdrHistogram(int digits, int n) {
        Histogram h = new Histogram(1, 60_000_000_000L, digits);
        for (int i = 0; i < n; i++) {
            // mostly sub-microsecond hops with a long tail, as a ring's are
            h.recordValue(random.nextInt(10) == 0 ? 1 + random.nextLong(5_000_000) : 200 + random.nextLong(2_000));
        }
        IntervalPercentiles p = IntervalPercentiles.of(h);
        String where = digits + " digits, n=" + n;
        assertEquals(n, p.count(), "count, " + where);
        assertEquals(h.getValueAtPercentile(50), p.p50(), "p50, " + where);
        assertEquals(h.getValueAtPercentile(99), p.p99(), "p99, " + where);
        assertEquals(h.getValueAtPercentile(99.9), p.p999(), "p99.9, " + where);
        assertEquals(h.getMaxValue(), p.max(), "max, " + where);
    }

    @Test
    void anEmptyIntervalHasNoPercentiles() {
        assertEquals(0, IntervalPercentiles.of(new Histogram(1, 1000, 2)).count());
    }
}
