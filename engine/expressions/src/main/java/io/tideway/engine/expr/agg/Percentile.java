package io.tideway.engine.expr.agg;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.util.Arrays;
import java.util.List;

/**
 * {@code percentile(x, p)} and {@code median(x)} (p = 0.5): the exact percentile of the non-null
 * values as doubles, interpolated between the two values around position {@code (n - 1) * p}, as
 * Spark's {@code Percentile}. Holds every value (a {@link HeldList} of doubles); null over none.
 */
public final class Percentile extends HeldAggregate {
    private static final long serialVersionUID = 1L;
    private final Expression percentage;
    private final boolean median;

    public Percentile(Expression child, Expression percentage, boolean median) {
        super(child);
        this.percentage = percentage;
        this.median = median;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new Percentile(c.get(0), median ? percentage : c.get(1), median);
    }

    @Override
    public List<Expression> children() {
        return median ? List.of(child) : List.of(child, percentage);
    }

    @Override
    public List<Expression> inputs() {
        return List.of(InputTypes.numeric(child));
    }

    @Override
    public String name() {
        return median ? "median" : "percentile";
    }

    @Override
    public String sql() {
        return median ? "median(" + child.sql() + ")" : "percentile(" + child.sql() + ", " + percentage.sql() + ", 1)";
    }

    @Override
    public DataType dataType() {
        InputTypes.requireNumeric(this, child, 0);
        fractions();
        return Percentages.isArray(percentage) ? new io.tideway.sql.types.ArrayType(DataTypes.DoubleType, false)
                : DataTypes.DoubleType;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    /** The percentages, literals between 0 and 1. */
    private double[] fractions() {
        double[] p = Percentages.of(percentage);
        if (p != null) {
            return p;
        }
        throw Unchecked.raise(new AnalysisException("The percentage of " + sql()
                + " must be a number literal between 0.0 and 1.0 or an array of them, not " + percentage.sql()));
    }

    @Override
    public int updateHeld(DirectBuffer held, int heldAt, int heldLength, Evaluator[] in, ExpandableArrayBuffer out) {
        if (in[0].isNull) {
            return UNCHANGED;
        }
        Evaluator e = new ValueCodec.Held();
        e.d = InputTypes.asDouble(in[0], inputs().get(0).dataType());
        return HeldList.append(held, heldAt, heldLength, e, DataTypes.DoubleType, out);
    }

    @Override
    public int mergeHeld(DirectBuffer held, int heldAt, int heldLength, DirectBuffer other, int otherAt, int otherLength,
                         ExpandableArrayBuffer out) {
        return otherLength <= 0 ? UNCHANGED : HeldList.concat(held, heldAt, heldLength, other, otherAt, otherLength, out);
    }

    @Override
    public void writeHeld(DirectBuffer held, int heldAt, int heldLength, RowWriter out, int field) {
        int n = heldLength < 0 ? 0 : HeldList.count(held, heldAt, heldLength);
        if (n == 0) {
            out.setNull(field);
            return;
        }
        double[] values = new double[n];
        int i = 0;
        for (int p = heldAt, end = heldAt + heldLength; p < end; p = HeldList.next(held, p)) {
            values[i++] = Double.longBitsToDouble(held.getLong(HeldList.valueAt(p)));
        }
        Arrays.sort(values); // the order of Spark's sorted distinct keys with their accumulated counts
        double[] fractions = fractions();
        if (!Percentages.isArray(percentage)) {
            out.putDouble(field, at(values, fractions[0]));
            return;
        }
        io.tideway.offheap.row.ArrayWriter a = out.beginArray(field, fractions.length);
        for (int j = 0; j < fractions.length; j++) {
            a.putDouble(j, at(values, fractions[j]));
        }
        a.end();
    }

    /** Spark's interpolation between the values around position {@code (n - 1) * p} of the sorted values. */
    private static double at(double[] values, double fraction) {
        double position = (values.length - 1) * fraction;
        long lower = (long) Math.floor(position);
        long higher = (long) Math.ceil(position);
        double lowerValue = values[(int) lower];
        double higherValue = values[(int) higher];
        if (higher == lower || Double.compare(lowerValue, higherValue) == 0) {
            return lowerValue;
        }
        return (higher - position) * lowerValue + (position - lower) * higherValue;
    }
}
