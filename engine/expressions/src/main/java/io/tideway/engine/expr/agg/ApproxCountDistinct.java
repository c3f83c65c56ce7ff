package io.tideway.engine.expr.agg;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.fn.HashKernels;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.List;

/**
 * {@code approx_count_distinct(x[, rsd])}: Spark's {@code HyperLogLogPlusPlus}, register for
 * register, so the estimate is Spark's. Precision {@code p = ceil(2 log2(1.106 / rsd))} gives
 * {@code m = 2^p} six-bit registers, ten to a word ({@code m / 10 + 1} words of state, fixed
 * width); a value's 64-bit xxHash (seed 42, as Spark's {@code xxhash64}) picks its register by
 * its top {@code p} bits and offers the rank of the rest. The estimate is linear counting below
 * Spark's thresholds, else the bias-corrected raw estimate ({@link HllTables}).
 */
public final class ApproxCountDistinct extends AggregateFunction {
    private static final long serialVersionUID = 1L;
    private static final int REGISTER_SIZE = 6;
    private static final int REGISTERS_PER_WORD = 64 / REGISTER_SIZE;
    private static final long REGISTER_MASK = (1L << REGISTER_SIZE) - 1;
    private static final int NEIGHBOURS = 6;
    private final double relativeSD;
    private final int p;
    private final int m;

    public ApproxCountDistinct(Expression child, double relativeSD) {
        super(child);
        this.relativeSD = relativeSD;
        this.p = (int) Math.ceil(2.0 * Math.log(1.106 / relativeSD) / Math.log(2.0));
        this.m = 1 << Math.max(p, 0);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new ApproxCountDistinct(c.get(0), relativeSD);
    }

    @Override
    public String name() {
        return "approx_count_distinct";
    }

    @Override
    public DataType dataType() {
        if (p < 4) {
            throw Unchecked.raise(new AnalysisException("HLL++ requires at least 4 bits for addressing. "
                    + "Use a lower error, at most 39%."));
        }
        return DataTypes.LongType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public int bufferWords() {
        return m / REGISTERS_PER_WORD + 1;
    }

    @Override
    public void initialize(MutableDirectBuffer b, int at) {
        for (int w = 0; w < bufferWords(); w++) {
            b.putLong(at + 8 * w, 0L);
        }
    }

    /** Spark's {@code XxHash64Function.hash(value, type, 42)}. */
    private long hash(Evaluator in) {
        DataType t = child.dataType();
        if (t == DataTypes.DoubleType) {
            return HashKernels.xxDouble(in.d, 42L);
        }
        if (t == DataTypes.FloatType) {
            return HashKernels.xxFloat(in.d, 42L);
        }
        if (t instanceof DecimalType d) {
            return HashKernels.xxDecimal(in.dec, d.precision(), 42L);
        }
        if (t == DataTypes.LongType || t == DataTypes.TimestampType) {
            return HashKernels.xxLong(in.l, 42L);
        }
        if (t.isFixedWidth()) {
            return HashKernels.xxInt(in.l, 42L);
        }
        return HashKernels.xxBytes(in.buf, in.off, in.len, 42L);
    }

    @Override
    public void update(MutableDirectBuffer b, int at, Evaluator in) {
        if (in.isNull) {
            return;
        }
        long x = hash(in);
        int idx = (int) (x >>> (64 - p));
        long w = (x << p) | (1L << (p - 1));
        long rank = Long.numberOfLeadingZeros(w) + 1;
        int word = at + 8 * (idx / REGISTERS_PER_WORD);
        int shift = REGISTER_SIZE * (idx % REGISTERS_PER_WORD);
        long mask = REGISTER_MASK << shift;
        long v = b.getLong(word);
        if (rank > ((v & mask) >>> shift)) {
            b.putLong(word, (v & ~mask) | (rank << shift));
        }
    }

    @Override
    public void merge(MutableDirectBuffer b, int at, DirectBuffer src, int srcAt) {
        for (int w = 0; w < bufferWords(); w++) {
            long a = b.getLong(at + 8 * w);
            long o = src.getLong(srcAt + 8 * w);
            long merged = 0L;
            for (int shift = 0; shift + REGISTER_SIZE <= 64; shift += REGISTER_SIZE) {
                long mask = REGISTER_MASK << shift;
                merged |= Math.max(a & mask, o & mask);
            }
            b.putLong(at + 8 * w, merged);
        }
    }

    @Override
    public void writeResult(DirectBuffer b, int at, RowWriter out, int field) {
        double zInverse = 0.0;
        double zeros = 0.0;
        int idx = 0;
        for (int w = 0; w < bufferWords(); w++) {
            long word = b.getLong(at + 8 * w);
            for (int i = 0, shift = 0; idx < m && i < REGISTERS_PER_WORD; i++, shift += REGISTER_SIZE, idx++) {
                long register = (word >>> shift) & REGISTER_MASK;
                zInverse += 1.0 / (1L << register);
                if (register == 0) {
                    zeros += 1.0;
                }
            }
        }
        double e = alphaM2() / zInverse;
        double corrected = p < 19 && e < 5.0 * m ? e - estimateBias(e) : e;
        double estimate = corrected;
        if (zeros > 0) {
            double h = m * Math.log(m / zeros);
            if (p < 19 && h <= HllTables.THRESHOLDS[p - 4] || e <= 2.5 * m) {
                estimate = h;
            }
        }
        out.putLong(field, Math.round(estimate));
    }

    private double alphaM2() {
        return switch (p) {
            case 4 -> 0.673 * m * m;
            case 5 -> 0.697 * m * m;
            case 6 -> 0.709 * m * m;
            default -> (0.7213 / (1.0 + 1.079 / m)) * m * m;
        };
    }

    /** The mean bias of the {@value #NEIGHBOURS} raw estimates nearest {@code e}. */
    private double estimateBias(double e) {
        double[] estimates = HllTables.RAW_ESTIMATES[p - 4];
        int n = estimates.length;
        int nearest = java.util.Arrays.binarySearch(estimates, 0, n, e);
        if (nearest < 0) {
            nearest = -(nearest + 1);
        }
        int low = Math.max(nearest - NEIGHBOURS + 1, 0);
        int high = Math.min(low + NEIGHBOURS, n);
        while (high < n && distance(e, estimates, high) < distance(e, estimates, low)) {
            low++;
            high++;
        }
        double[] biases = HllTables.BIASES[p - 4];
        double sum = 0.0;
        for (int i = low; i < high; i++) {
            sum += biases[i];
        }
        return sum / (high - low);
    }

    private static double distance(double e, double[] estimates, int i) {
        double diff = e - estimates[i];
        return diff * diff;
    }
}
