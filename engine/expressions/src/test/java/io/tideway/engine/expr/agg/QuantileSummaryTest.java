package io.tideway.engine.expr.agg;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The Greenwald-Khanna summary against answers Spark 4.0.4 gave for the same values
 * ({@code df.stat().approxQuantile} of {@code range(0, 1000)} and of a permutation of 0..1999,
 * each cut into Spark's two partitions and merged as its {@code treeAggregate} merges them).
 */
class QuantileSummaryTest {

    private static QuantileSummary twoPartitions(double relativeError, long[] values) {
        QuantileSummary result = QuantileSummary.create(relativeError);
        int half = values.length / 2;
        for (int[] range : new int[][] {{0, half}, {half, values.length}}) {
            QuantileSummary partial = QuantileSummary.create(relativeError);
            for (int i = range[0]; i < range[1]; i++) {
                partial.insert(values[i]);
            }
            QuantileSummary folded = QuantileSummary.create(relativeError);
            folded.merge(partial);
            result.merge(folded);
        }
        return result;
    }

    @Test
    void exactWithNoError() {
        long[] values = new long[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        double[] q = twoPartitions(0.0, values).query(new double[] {0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0});
        assertArrayEquals(new double[] {0, 99, 249, 499, 749, 899, 999}, q);
    }

    @Test
    void approximateAsSparkAnswersInAnyPercentileOrder() {
        long[] values = new long[2000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 7919L) % 2000;
        }
        double[] probs = {0.05, 0.5, 0.3, 0.95, 0.7};
        assertArrayEquals(new double[] {109, 988, 591, 1879, 1380}, twoPartitions(0.01, values).query(probs));
        assertArrayEquals(new double[] {0, 834, 582, 1999, 1305}, twoPartitions(0.1, values).query(probs));
        assertArrayEquals(new double[] {0, 509, 495, 1999, 1014}, twoPartitions(0.25, values).query(probs));
    }

    @Test
    void emptyAndOutOfRange() {
        QuantileSummary empty = QuantileSummary.create(0.1);
        empty.compress();
        assertNull(empty.query(new double[] {0.5}));
        assertEquals(Double.NaN, empty.query(0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> empty.query(new double[] {1.5}));
        assertEquals("requirement failed: percentile should be in the range [0.0, 1.0]", e.getMessage());
    }
}
