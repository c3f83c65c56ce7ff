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
 * Built per call from the held bytes; not thread-safe.
 */
final class QuantileSummary {
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
    void insert(double x) {
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
    void compress() {
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
    void merge(QuantileSummary other) {
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
        if (values.length == 0) {
            return Double.NaN;
        }
        if (quantile <= relativeError) {
            return values[0];
        }
        if (quantile >= 1 - relativeError) {
            return values[values.length - 1];
        }
        long rank = (long) Math.ceil(quantile * count);
        long targetError = Long.MIN_VALUE;
        for (int i = 0; i < values.length; i++) {
            targetError = Math.max(targetError, delta[i] + g[i]);
        }
        targetError /= 2;
        long minRank = 0;
        for (int i = 0; i < values.length - 1; i++) {
            minRank += g[i];
            long maxRank = minRank + delta[i];
            if (maxRank - targetError <= rank && rank <= minRank + targetError) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    boolean isEmpty() {
        return count == 0 && head.length == 0;
    }
}
