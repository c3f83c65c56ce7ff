package io.tideway.engine.expr.agg;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Spark's {@code QuantileSummaries} (Greenwald-Khanna with a head buffer), step for step, so
 * {@code percentile_approx} answers Spark's values: samples {@code (value, g, delta)} sorted by
 * value, and a head of values not yet inserted, inserted 50000 at a time. Held as bytes:
 * <pre>
 *  | count (long) | samples n (int) | head n (int) | n x (value double, g long, delta long) | head doubles |
 * </pre>
 * Built per call from the held bytes, or empty ({@link #create}) for {@code df.stat().approxQuantile};
 * not thread-safe.
 */
public final class QuantileSummary {
    static final int HEAD_SIZE = 50_000;
    private static final int COMPRESS_THRESHOLD = 10_000;
    static final int HEADER = 16;
    private static final int SAMPLE = 24;

    private final double relativeError;
    private long count;
    private double[] values;
    private long[] g;
    private long[] delta;
    private double[] head;

    private QuantileSummary(double relativeError, long count, double[] values, long[] g, long[] delta, double[] head) {
        this.relativeError = relativeError;
        this.count = count;
        this.values = values;
        this.g = g;
        this.delta = delta;
        this.head = head;
    }

    /** An empty summary of the given relative error. */
    public static QuantileSummary create(double relativeError) {
        return new QuantileSummary(relativeError, 0, new double[0], new long[0], new long[0], new double[0]);
    }

    /** The summary held at {@code at} ({@code length} &lt; 0: an empty one). */
    static QuantileSummary read(DirectBuffer b, int at, int length, double relativeError) {
        if (length < 0) {
            return new QuantileSummary(relativeError, 0, new double[0], new long[0], new long[0], new double[0]);
        }
        int n = b.getInt(at + 8);
        int h = b.getInt(at + 12);
        double[] v = new double[n];
        long[] gs = new long[n];
        long[] ds = new long[n];
        int p = at + HEADER;
        for (int i = 0; i < n; i++, p += SAMPLE) {
            v[i] = b.getDouble(p);
            gs[i] = b.getLong(p + 8);
            ds[i] = b.getLong(p + 16);
        }
        double[] hd = new double[h];
        for (int i = 0; i < h; i++, p += 8) {
            hd[i] = b.getDouble(p);
        }
        return new QuantileSummary(relativeError, b.getLong(at), v, gs, ds, hd);
    }

    /** Writes this summary at offset 0 of {@code out}; returns its length. */
    int write(MutableDirectBuffer out) {
        out.putLong(0, count);
        out.putInt(8, values.length);
        out.putInt(12, head.length);
        int p = HEADER;
        for (int i = 0; i < values.length; i++, p += SAMPLE) {
            out.putDouble(p, values[i]);
            out.putLong(p + 8, g[i]);
            out.putLong(p + 16, delta[i]);
        }
        for (double x : head) {
            out.putDouble(p, x);
            p += 8;
        }
        return p;
    }

    /** Spark's {@code insert}: into the head; a full head goes into the samples, compressed past the threshold. */
    public void insert(double x) {
        head = Arrays.copyOf(head, head.length + 1);
        head[head.length - 1] = x;
        if (head.length >= HEAD_SIZE) {
            insertHead();
            if (values.length >= COMPRESS_THRESHOLD) {
                compress();
            }
        }
    }

    private void insertHead() {
        if (head.length == 0) {
            return;
        }
        double[] sorted = head.clone();
        Arrays.sort(sorted);
        List<double[]> out = new ArrayList<>(values.length + sorted.length);
        long current = count;
        int sampleIdx = 0;
        for (int opsIdx = 0; opsIdx < sorted.length; opsIdx++) {
            double x = sorted[opsIdx];
            while (sampleIdx < values.length && values[sampleIdx] <= x) {
                out.add(new double[] {values[sampleIdx], g[sampleIdx], delta[sampleIdx]});
                sampleIdx++;
            }
            current++;
            long d = out.isEmpty() || sampleIdx == values.length && opsIdx == sorted.length - 1
                    ? 0 : (long) Math.floor(2 * relativeError * current);
            out.add(new double[] {x, 1, d});
        }
        while (sampleIdx < values.length) {
            out.add(new double[] {values[sampleIdx], g[sampleIdx], delta[sampleIdx]});
            sampleIdx++;
        }
        set(out);
        count = current;
        head = new double[0];
    }

    private void set(List<double[]> samples) {
        int n = samples.size();
        values = new double[n];
        g = new long[n];
        delta = new long[n];
        for (int i = 0; i < n; i++) {
            double[] s = samples.get(i);
            values[i] = s[0];
            g[i] = (long) s[1];
            delta[i] = (long) s[2];
        }
    }

    /** Spark's {@code compress}: the head inserted, then neighbouring samples merged under {@code 2 e n}. */
    public void compress() {
        insertHead();
        compressSamples(2 * relativeError * count);
    }

    private void compressSamples(double mergeThreshold) {
        int n = values.length;
        if (n == 0) {
            return;
        }
        List<double[]> res = new ArrayList<>();
        double[] headSample = {values[n - 1], g[n - 1], delta[n - 1]};
        for (int i = n - 2; i >= 1; i--) {
            if (g[i] + headSample[1] + headSample[2] < mergeThreshold) {
                headSample[1] += g[i];
            } else {
                res.add(headSample);
                headSample = new double[] {values[i], g[i], delta[i]};
            }
        }
        res.add(headSample);
        if (values[0] <= headSample[0] && n > 1) {
            res.add(new double[] {values[0], g[0], delta[0]});
        }
        java.util.Collections.reverse(res);
        set(res);
    }

    /** Spark's {@code merge} of two compressed summaries, into this one. */
    public void merge(QuantileSummary other) {
        compress();
        other.compress();
        if (other.count == 0) {
            return;
        }
        if (count == 0) {
            count = other.count;
            values = other.values;
            g = other.g;
            delta = other.delta;
            return;
        }
        long selfExtra = (long) Math.floor(2 * other.relativeError * other.count);
        long otherExtra = (long) Math.floor(2 * relativeError * count);
        List<double[]> merged = new ArrayList<>();
        int s = 0;
        int o = 0;
        while (s < values.length && o < other.values.length) {
            if (values[s] < other.values[o]) {
                merged.add(new double[] {values[s], g[s], delta[s] + (o > 0 ? selfExtra : 0)});
                s++;
            } else {
                merged.add(new double[] {other.values[o], other.g[o], other.delta[o] + (s > 0 ? otherExtra : 0)});
                o++;
            }
        }
        for (; s < values.length; s++) {
            merged.add(new double[] {values[s], g[s], delta[s]});
        }
        for (; o < other.values.length; o++) {
            merged.add(new double[] {other.values[o], other.g[o], other.delta[o]});
        }
        count += other.count;
        set(merged);
        compressSamples(2 * relativeError * count);
    }

    /** Spark's {@code query} on a compressed summary; NaN when it holds nothing. */
    double query(double quantile) {
        double[] q = query(new double[] {quantile});
        return q == null ? Double.NaN : q[0];
    }

    /**
     * Spark 4.0's {@code query(percentiles)} on a compressed summary: the percentiles answered in
     * increasing order by one forward scan ({@code findApproxQuantile}), each resuming where the
     * previous stopped; null when the summary holds nothing.
     */
    public double[] query(double[] percentiles) {
        for (double p : percentiles) {
            if (!(0 <= p && p <= 1)) {
                throw new IllegalArgumentException("requirement failed: percentile should be in the range [0.0, 1.0]");
            }
        }
        if (values.length == 0) {
            return null;
        }
        long maxError = Long.MIN_VALUE;
        for (int i = 0; i < values.length; i++) {
            maxError = Math.max(maxError, delta[i] + g[i]);
        }
        double targetError = maxError / 2;
        Integer[] order = new Integer[percentiles.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(percentiles[a], percentiles[b]));
        double[] result = new double[percentiles.length];
        int index = 0;
        long minRank = g[0];
        for (int pos : order) {
            double p = percentiles[pos];
            if (p <= relativeError) {
                result[pos] = values[0];
            } else if (p >= 1 - relativeError) {
                result[pos] = values[values.length - 1];
            } else {
                long rank = (long) Math.ceil(p * count);
                int i = index;
                long r = minRank;
                boolean found = false;
                while (i < values.length - 1) {
                    long maxRank = r + delta[i];
                    if (maxRank - targetError <= rank && rank <= r + targetError) {
                        found = true;
                        break;
                    }
                    i++;
                    r += g[i];
                }
                if (found) {
                    index = i;
                    minRank = r;
                    result[pos] = values[i];
                } else {
                    index = values.length - 1;
                    minRank = 0;
                    result[pos] = values[values.length - 1];
                }
            }
        }
        return result;
    }

    boolean isEmpty() {
        return count == 0 && head.length == 0;
    }
}
