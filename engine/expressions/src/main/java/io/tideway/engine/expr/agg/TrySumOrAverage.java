package io.tideway.engine.expr.agg;

import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Average;
import io.tideway.engine.expr.Coercible;
import io.tideway.engine.expr.DecimalAggregateState;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Sum;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.YearMonthIntervalType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * {@code try_sum(x)} and {@code try_avg(x)}: {@code sum}/{@code avg} whose overflow gives null
 * instead of ANSI's error, as Spark's {@code TrySum}/{@code TryAverage}. An integral sum or an
 * interval sum that leaves its type's range stays null from then on; a decimal sum may pass 38
 * digits on the way and is judged against its type where Spark judges it: at the end and where
 * partial sums meet. Averages of integers and doubles sum in double and never overflow.
 *
 * <p>State: the words of the plain function ({@link Sum} or {@link Average}, whose types and final
 * arithmetic it keeps), then one word set once the sum overflowed.
 */
public final class TrySumOrAverage extends AggregateFunction implements Coercible {
    private static final long serialVersionUID = 1L;
    private final boolean average;
    private final AggregateFunction plain;
    /**
     * How a row is added, decided once the input is resolved (see {@link #mode()}); each cached field
     * is computed whole by whichever thread gets there first (racy single-check, immutable values).
     */
    private transient int mode = -1;
    private transient DecimalType sumType;
    private static final int DECIMAL = 0;
    private static final int DOUBLE_OF_DOUBLES = 1;
    private static final int DOUBLE_OF_LONGS = 2;
    private static final int EXACT = 3;

    public TrySumOrAverage(boolean average, Expression child) {
        super(child);
        this.average = average;
        this.plain = average ? new Average(child) : new Sum(child);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new TrySumOrAverage(average, c.get(0));
    }

    @Override
    public Expression coerceTypes() {
        Expression in = numericInput();
        return in == child ? this : new TrySumOrAverage(average, in);
    }

    @Override
    public String name() {
        return average ? "try_avg" : "try_sum";
    }

    @Override
    public DataType dataType() {
        requireNumeric();
        return plain.dataType();
    }

    @Override
    public boolean nullable() {
        return true;
    }

    private int overflowAt(int at) {
        return at + 8 * plain.bufferWords();
    }

    @Override
    public int bufferWords() {
        return plain.bufferWords() + 1;
    }

    @Override
    public void initialize(MutableDirectBuffer b, int at) {
        plain.initialize(b, at);
        b.putLong(overflowAt(at), 0L);
    }

    /** The decimal type of the running sum, or null when the input is no decimal. */
    private DecimalType sumType() {
        DecimalType t = sumType;
        if (t == null && child.dataType() instanceof DecimalType d) {
            t = DecimalType.bounded(d.precision() + 10, d.scale());
            sumType = t;
        }
        return t;
    }

    /** A decimal sum, a double sum (doubles, and averages of integers), or an exact long sum (integers, intervals). */
    private int mode() {
        int m = mode;
        if (m < 0) {
            m = child.dataType() instanceof DecimalType ? DECIMAL : fractionalInput() ? DOUBLE_OF_DOUBLES
                    : average && !intervalInput() ? DOUBLE_OF_LONGS : EXACT;
            mode = m;
        }
        return m;
    }

    @Override
    public void update(MutableDirectBuffer b, int at, Evaluator in) {
        if (in.isNull) {
            return;
        }
        int m = mode();
        if (m == DECIMAL) {
            addDecimal(b, at, in.dec.unscaledValue(), 1, sumType());
        } else if (m != EXACT) {
            b.putDouble(at, b.getDouble(at) + (m == DOUBLE_OF_DOUBLES ? in.d : in.l));
            b.putLong(at + 8, b.getLong(at + 8) + 1);
        } else {
            addExact(b, at, in.l, 1);
        }
    }

    @Override
    public void merge(MutableDirectBuffer b, int at, DirectBuffer src, int srcAt) {
        if (src.getLong(overflowAt(srcAt)) != 0) {
            b.putLong(overflowAt(at), 1L);
            return;
        }
        DecimalType d = sumType();
        if (d != null) {
            long n = DecimalAggregateState.count(src, srcAt);
            if (n != 0) {
                // a partial sum travels at its type's precision: past it, Spark's partial is null (overflow)
                if (!fits(DecimalAggregateState.value(src, srcAt, d), d) || !fits(DecimalAggregateState.value(b, at, d), d)) {
                    b.putLong(overflowAt(at), 1L);
                    return;
                }
                addDecimal(b, at, DecimalAggregateState.unscaled(src, srcAt), n, d);
            }
        } else if (mode() != EXACT) {
            b.putDouble(at, b.getDouble(at) + src.getDouble(srcAt));
            b.putLong(at + 8, b.getLong(at + 8) + src.getLong(srcAt + 8));
        } else if (src.getLong(srcAt + 8) != 0) {
            addExact(b, at, src.getLong(srcAt), src.getLong(srcAt + 8));
        }
    }

    private void addDecimal(MutableDirectBuffer b, int at, BigInteger v, long n, DecimalType d) {
        BigInteger sum = DecimalAggregateState.unscaled(b, at).add(v);
        if (sum.bitLength() > 127) {
            b.putLong(overflowAt(at), 1L);
            return;
        }
        DecimalAggregateState.unscaled(b, at, sum, d);
        DecimalAggregateState.count(b, at, DecimalAggregateState.count(b, at) + n);
    }

    /** Adds an integral or interval value; leaving the type's range marks the overflow. */
    private void addExact(MutableDirectBuffer b, int at, long v, long n) {
        long held = b.getLong(at);
        long sum = held + v;
        boolean overflow = child.dataType() instanceof YearMonthIntervalType
                ? sum != (int) sum : ((held ^ sum) & (v ^ sum)) < 0;
        if (overflow) {
            b.putLong(overflowAt(at), 1L);
            return;
        }
        b.putLong(at, sum);
        b.putLong(at + 8, b.getLong(at + 8) + n);
    }

    private static boolean fits(BigDecimal v, DecimalType d) {
        return v.signum() == 0 || v.precision() - v.scale() <= d.precision() - d.scale();
    }

    @Override
    public void writeResult(DirectBuffer b, int at, RowWriter out, int field) {
        DecimalType d = sumType();
        if (b.getLong(overflowAt(at)) != 0
                || d != null && DecimalAggregateState.count(b, at) != 0 && !fits(DecimalAggregateState.value(b, at, d), d)) {
            out.setNull(field);
        } else {
            plain.writeResult(b, at, out, field);
        }
    }
}
