package io.tideway.engine.expr;

import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code sum(x)}: bigint for integral input, double for double, decimal(p + 10, s) for decimal(p, s)
 * (Spark's, at most 38 digits; past them ANSI's {@code NUMERIC_VALUE_OUT_OF_RANGE}); null when no
 * non-null input.
 */
public final class Sum extends AggregateFunction implements Coercible {
    private static final long serialVersionUID = 1L;

    public Sum(Expression child) {
        super(child);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new Sum(c.get(0));
    }

    @Override
    public Expression coerceTypes() {
        Expression in = numericInput();
        return in == child ? this : new Sum(in);
    }

    @Override
    public String name() {
        return "sum";
    }

    @Override
    public DataType dataType() {
        requireNumeric();
        if (child.dataType() instanceof DecimalType d) {
            return DecimalType.bounded(d.precision() + 10, d.scale());
        }
        if (intervalInput()) {
            return child.dataType();
        }
        return fractionalInput() ? DataTypes.DoubleType : DataTypes.LongType;
    }

    private DecimalType decimal() {
        return child.dataType() instanceof DecimalType ? (DecimalType) dataType() : null;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public int bufferWords() {
        return decimal() != null ? DecimalAggregateState.WORDS : 2; // sum, non-null count
    }

    @Override
    public void initialize(MutableDirectBuffer b, int at) {
        if (decimal() != null) {
            DecimalAggregateState.initialize(b, at);
            return;
        }
        b.putLong(at, 0L);
        b.putLong(at + 8, 0L);
    }

    @Override
    public void update(MutableDirectBuffer b, int at, Evaluator in) {
        if (in.isNull) {
            return;
        }
        DecimalType d = decimal();
        if (d != null) {
            DecimalAggregateState.unscaled(b, at, DecimalAggregateState.unscaled(b, at).add(in.dec.unscaledValue()), d);
            DecimalAggregateState.count(b, at, DecimalAggregateState.count(b, at) + 1);
            return;
        }
        if (fractionalInput()) {
            b.putDouble(at, b.getDouble(at) + in.d);
        } else {
            b.putLong(at, add(b.getLong(at), in.l));
        }
        b.putLong(at + 8, b.getLong(at + 8) + 1);
    }

    @Override
    public void merge(MutableDirectBuffer b, int at, DirectBuffer src, int srcAt) {
        DecimalType d = decimal();
        if (d != null) {
            long n = DecimalAggregateState.count(src, srcAt);
            if (n != 0) {
                DecimalAggregateState.unscaled(b, at, DecimalAggregateState.unscaled(b, at)
                        .add(DecimalAggregateState.unscaled(src, srcAt)), d);
                DecimalAggregateState.count(b, at, DecimalAggregateState.count(b, at) + n);
            }
            return;
        }
        long n = src.getLong(srcAt + 8);
        if (n == 0) {
            return;
        }
        if (fractionalInput()) {
            b.putDouble(at, b.getDouble(at) + src.getDouble(srcAt));
        } else {
            b.putLong(at, add(b.getLong(at), src.getLong(srcAt)));
        }
        b.putLong(at + 8, b.getLong(at + 8) + n);
    }

    /** Longs wrap as Spark's sum does without ANSI; an interval sum fails on overflow, as Spark's does. */
    private long add(long a, long b) {
        if (!intervalInput()) {
            return a + b;
        }
        return child.dataType() instanceof io.tideway.sql.types.YearMonthIntervalType
                ? Math.addExact((int) a, (int) b) : Math.addExact(a, b);
    }

    @Override
    public void writeResult(DirectBuffer b, int at, RowWriter out, int field) {
        DecimalType d = decimal();
        if (d != null) {
            if (DecimalAggregateState.count(b, at) == 0) {
                out.setNull(field);
            } else {
                BigDecimal sum = DecimalAggregateState.value(b, at, d);
                out.putDecimal(field, DecimalKernels.toPrecision(sum, d.precision(), d.scale(), true), d.precision());
            }
            return;
        }
        if (b.getLong(at + 8) == 0) {
            out.setNull(field);
        } else {
            out.putLong(field, b.getLong(at)); // same bits for double and long
        }
    }
}
