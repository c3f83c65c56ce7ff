package io.tideway.engine.expr;

import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.math.BigDecimal;
import java.util.List;

/** {@code avg(x)}: a double, or decimal(p + 4, s + 4) for decimal(p, s) as Spark's; null when no non-null input. */
public final class Average extends AggregateFunction implements Coercible {
    private static final long serialVersionUID = 1L;

    public Average(Expression child) {
        super(child);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new Average(c.get(0));
    }

    @Override
    public Expression coerceTypes() {
        Expression in = numericInput();
        return in == child ? this : new Average(in);
    }

    @Override
    public String name() {
        return "avg";
    }

    @Override
    public DataType dataType() {
        requireNumeric();
        if (child.dataType() instanceof DecimalType d) {
            return DecimalType.bounded(d.precision() + 4, d.scale() + 4);
        }
        if (intervalInput()) { // Spark's default interval types: day to second, year to month
            return child.dataType() instanceof io.tideway.sql.types.YearMonthIntervalType
                    ? DataTypes.createYearMonthIntervalType() : DataTypes.DayTimeIntervalType;
        }
        return DataTypes.DoubleType;
    }

    /** The input's decimal type, or null for a double average. */
    private DecimalType decimalInput() {
        return child.dataType() instanceof DecimalType d ? d : null;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public int bufferWords() {
        return decimalInput() != null ? DecimalAggregateState.WORDS : 2; // sum as double, count
    }

    @Override
    public void initialize(MutableDirectBuffer b, int at) {
        if (decimalInput() != null) {
            DecimalAggregateState.initialize(b, at);
            return;
        }
        b.putLong(at, 0L); // 0.0 and 0L have the same bits: a double sum, or an interval's long sum
        b.putLong(at + 8, 0L);
    }

    @Override
    public void update(MutableDirectBuffer b, int at, Evaluator in) {
        if (in.isNull) {
            return;
        }
        DecimalType d = decimalInput();
        if (d != null) {
            DecimalAggregateState.unscaled(b, at, DecimalAggregateState.unscaled(b, at).add(in.dec.unscaledValue()), sumType(d));
            DecimalAggregateState.count(b, at, DecimalAggregateState.count(b, at) + 1);
            return;
        }
        if (intervalInput()) {
            b.putLong(at, Math.addExact(b.getLong(at), in.l));
        } else {
            double v = fractionalInput() ? in.d : in.l;
            b.putDouble(at, b.getDouble(at) + v);
        }
        b.putLong(at + 8, b.getLong(at + 8) + 1);
    }

    @Override
    public void merge(MutableDirectBuffer b, int at, DirectBuffer src, int srcAt) {
        DecimalType d = decimalInput();
        if (d != null) {
            DecimalAggregateState.unscaled(b, at, DecimalAggregateState.unscaled(b, at)
                    .add(DecimalAggregateState.unscaled(src, srcAt)), sumType(d));
            DecimalAggregateState.count(b, at, DecimalAggregateState.count(b, at) + DecimalAggregateState.count(src, srcAt));
            return;
        }
        if (intervalInput()) {
            b.putLong(at, Math.addExact(b.getLong(at), src.getLong(srcAt)));
        } else {
            b.putDouble(at, b.getDouble(at) + src.getDouble(srcAt));
        }
        b.putLong(at + 8, b.getLong(at + 8) + src.getLong(srcAt + 8));
    }

    @Override
    public void writeResult(DirectBuffer b, int at, RowWriter out, int field) {
        DecimalType d = decimalInput();
        if (d != null) {
            long count = DecimalAggregateState.count(b, at);
            if (count == 0) {
                out.setNull(field);
                return;
            }
            // Spark's Average: sum / CAST(count AS DECIMAL(20,0)) by the division's own type, then the result type
            DecimalType sum = sumType(d);
            DecimalType quotient = DecimalPrecision.result(BinaryArithmetic.Op.DIVIDE, sum, new DecimalType(20, 0));
            DecimalType t = (DecimalType) dataType();
            BigDecimal q = DecimalKernels.divide(DecimalAggregateState.value(b, at, sum), BigDecimal.valueOf(count),
                    quotient.precision(), quotient.scale(), true);
            out.putDecimal(field, DecimalKernels.toPrecision(q, t.precision(), t.scale(), true), t.precision());
            return;
        }
        long n = b.getLong(at + 8);
        if (n == 0) {
            out.setNull(field);
        } else if (intervalInput()) { // Spark's DivideDTInterval/DivideYMInterval: rounded half up
            boolean months = child.dataType() instanceof io.tideway.sql.types.YearMonthIntervalType;
            out.putLong(field, io.tideway.engine.expr.fn.IntervalKernels.divide(b.getLong(at), n, months));
        } else {
            out.putDouble(field, b.getDouble(at) / n);
        }
    }

    /** Spark's running sum of an average: decimal(p + 10, s). */
    private static DecimalType sumType(DecimalType d) {
        return DecimalType.bounded(d.precision() + 10, d.scale());
    }
}
