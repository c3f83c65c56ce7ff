package io.tideway.engine.expr.agg;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link NumericHistogram} against Spark 4.0.4's {@code org.apache.spark.sql.util.NumericHistogram}:
 * the expected bins are what Spark's class printed for the same adds and merges (ties broken by its
 * seeded random, which sequential integers exercise).
 */
class NumericHistogramTest {
    /** A histogram being built, swapping two buffers as the kernel writes each new state. */
    private static final class Held {
        private MutableDirectBuffer state = new ExpandableArrayBuffer();
        private MutableDirectBuffer spare = new ExpandableArrayBuffer();
        private int length = -1;

        void add(double v, int nbins) {
            length = NumericHistogram.add(state, 0, length, v, nbins, spare);
            swap();
        }

        void merge(Held other, int nbins) {
            length = NumericHistogram.merge(state, 0, length, other.state, 0, other.length, nbins, spare);
            swap();
        }

        private void swap() {
            MutableDirectBuffer t = state;
            state = spare;
            spare = t;
        }

        String bins(boolean integral) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < NumericHistogram.bins(length); i++) {
                double x = NumericHistogram.x(state, 0, i);
                sb.append(integral ? String.valueOf((long) x) : String.valueOf(x)).append('/')
                        .append(NumericHistogram.y(state, 0, i)).append(' ');
            }
            return sb.toString().trim();
        }
    }

    @Test
    void sequentialValuesBreakTiesAsSparksRandomDoes() {
        Held h = new Held();
        for (int i = 0; i < 1000; i++) {
            h.add(i, 7);
        }
        assertEquals("44/90.0 161/143.0 347/230.0 533/141.0 674/142.0 859/229.0 986/25.0", h.bins(true));
    }

    @Test
    void scatteredValuesMergeTheClosestBins() {
        Held h = new Held();
        for (int i = 0; i < 1000; i++) {
            h.add((i * 7919L) % 1009, 5);
        }
        assertEquals("112/223.0 338/224.0 556/208.0 754/185.0 927/160.0", h.bins(true));
    }

    @Test
    void partialHistogramsMergeAsSparksFinalBufferDoes() {
        Held a = new Held();
        Held b = new Held();
        for (int i = 0; i < 300; i++) {
            double v = (i * 37) % 101 / 3.0;
            (i % 2 == 0 ? a : b).add(v, 4);
        }
        assertEquals("3.8190476190476192/35.0 11.90990990990991/37.0 19.950980392156854/34.0 28.628787878787882/44.0",
                a.bins(false));
        assertEquals("2.9425287356321834/29.0 9.949494949494948/33.0 18.05/40.0 27.944444444444457/48.0", b.bins(false));
        Held merged = new Held();
        merged.merge(a, 4);
        merged.merge(b, 4);
        assertEquals("3.421875/64.0 10.985714285714284/70.0 18.923423423423422/74.0 28.27173913043479/92.0",
                merged.bins(false));
    }
}
