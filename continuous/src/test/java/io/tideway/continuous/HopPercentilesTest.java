package io.tideway.continuous;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HopPercentilesTest {
    @Test
    void onePassGivesWhatGetValueAtPercentileGives() {
        SplittableRandom random = new SplittableRandom(42);
        for (int n : new int[] {1, 2, 3, 99, 100, 101, 1000, 12345}) {
            Histogram h = new Histogram(1, 60_000_000_000L, 2);
            for (int i = 0; i < n; i++) {
                // mostly sub-microsecond hops with a long tail, as a ring's are
                long v = random.nextInt(10) == 0 ? 1 + random.nextLong(5_000_000) : 200 + random.nextLong(2_000);
                h.recordValue(v);
            }
            HopPercentiles p = HopPercentiles.of(h);
            assertEquals(n, p.count(), "count, n=" + n);
            assertEquals(h.getValueAtPercentile(50), p.p50(), "p50, n=" + n);
            assertEquals(h.getValueAtPercentile(99), p.p99(), "p99, n=" + n);
            assertEquals(h.getMaxValue(), p.max(), "max, n=" + n);
        }
    }

    @Test
    void anEmptyIntervalHasNoPercentiles() {
        assertEquals(0, HopPercentiles.of(new Histogram(1, 1000, 2)).count());
    }
}
