package io.tideway.engine.expr.agg;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code percentile_approx(x, p[, accuracy])} and its alias {@code approx_percentile}: Spark's
 * {@code ApproximatePercentile}, a {@link QuantileSummary} of relative error {@code 1 / accuracy}
 * (default accuracy 10000) over the values as doubles, answered in the input's type (an int
 * percentile truncated as Spark's {@code toInt}). Null over no values.
 */
public final class ApproxPercentile extends HeldAggregate {
    private static final long serialVersionUID = 1L;
    private static final int DEFAULT_ACCURACY = 10_000;
    private final String name;
    private final Expression percentage;
    private final Expression accuracy;

    public ApproxPercentile(String name, Expression child, Expression percentage, Expression accuracy) {
        super(child);
        this.name = name;
        this.percentage = percentage;
        this.accuracy = accuracy == null ? Literal.of(DEFAULT_ACCURACY) : accuracy;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new ApproxPercentile(name, c.get(0), c.get(1), c.get(2));
    }

    @Override
    public List<Expression> children() {
        return List.of(child, percentage, accuracy);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String sql() {
        return name + "(" + child.sql() + ", " + percentage.sql() + ", " + accuracy.sql() + ")";
    }

    @Override
    public DataType dataType() {
        DataType t = child.dataType();
        if (!t.isNumeric() && t != DataTypes.DateType && t != DataTypes.TimestampType) {
            throw InputTypes.mismatch(this, child, 0, "(\"NUMERIC\" or \"DATE\" or \"TIMESTAMP\" or \"TIMESTAMP_NTZ\" "
                    + "or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL DAY TO SECOND\")");
        }
        fractions();
        relativeError();
        return Percentages.isArray(percentage) ? new io.tideway.sql.types.ArrayType(t, false) : t;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    private double[] fractions() {
        double[] p = Percentages.of(percentage);
        if (p != null) {
            return p;
        }
        throw Unchecked.raise(new AnalysisException("The percentage of " + sql()
                + " must be a number literal between 0.0 and 1.0 or an array of them, not " + percentage.sql()));
    }

    private double relativeError() {
        if (accuracy instanceof Literal l && l.value() instanceof Number n && n.longValue() > 0) {
            return 1.0 / n.longValue();
        }
        throw Unchecked.raise(new AnalysisException("The accuracy of " + sql() + " must be a positive integer literal, not "
                + accuracy.sql()));
    }

    private double asDouble(Evaluator e) {
        DataType t = child.dataType();
        return ValueCodec.isDouble(t) ? e.d : t instanceof DecimalType ? e.dec.doubleValue() : (double) e.l;
    }

    @Override
    public int updateHeld(DirectBuffer held, int heldAt, int heldLength, Evaluator[] in, ExpandableArrayBuffer out) {
        if (in[0].isNull) {
            return UNCHANGED;
        }
        double x = asDouble(in[0]);
        if (heldLength >= 0 && held.getInt(heldAt + 12) + 1 < QuantileSummary.HEAD_SIZE) {
            out.putBytes(0, held, heldAt, heldLength); // the common case: one more value in the head
            out.putInt(12, held.getInt(heldAt + 12) + 1);
            out.putDouble(heldLength, x);
            return heldLength + 8;
        }
        QuantileSummary s = QuantileSummary.read(held, heldAt, heldLength, relativeError());
        s.insert(x);
        return s.write(out);
    }

    @Override
    public int mergeHeld(DirectBuffer held, int heldAt, int heldLength, DirectBuffer other, int otherAt, int otherLength,
                         ExpandableArrayBuffer out) {
        if (otherLength < 0) {
            return UNCHANGED;
        }
        QuantileSummary s = QuantileSummary.read(held, heldAt, heldLength, relativeError());
        s.merge(QuantileSummary.read(other, otherAt, otherLength, relativeError()));
        return s.write(out);
    }

    @Override
    public void writeHeld(DirectBuffer held, int heldAt, int heldLength, RowWriter out, int field) {
        QuantileSummary s = QuantileSummary.read(held, heldAt, heldLength, relativeError());
        if (s.isEmpty()) {
            out.setNull(field);
            return;
        }
        s.compress();
        double[] fractions = fractions();
        DataType t = child.dataType();
        if (!Percentages.isArray(percentage)) {
            double q = s.query(fractions[0]);
            if (ValueCodec.isDouble(t)) {
                out.putDouble(field, t == DataTypes.FloatType ? (float) q : q);
            } else if (t instanceof DecimalType d) {
                out.putDecimal(field, decimal(q, d), d.precision());
            } else {
                out.putLong(field, asLong(q, t));
            }
            return;
        }
        io.tideway.offheap.row.ArrayWriter a = out.beginArray(field, fractions.length);
        for (int j = 0; j < fractions.length; j++) {
            double q = s.query(fractions[j]);
            if (ValueCodec.isDouble(t)) {
                a.putDouble(j, t == DataTypes.FloatType ? (float) q : q);
            } else if (t instanceof DecimalType d && d.isFixedWidth()) {
                a.putLong(j, decimal(q, d).unscaledValue().longValue());
            } else if (t instanceof DecimalType d) {
                byte[] u = decimal(q, d).unscaledValue().toByteArray();
                a.putBytes(j, new org.agrona.concurrent.UnsafeBuffer(u), 0, u.length);
            } else if (io.tideway.engine.expr.fn.ArrayElements.int32(t)) {
                a.putInt(j, (int) asLong(q, t));
            } else {
                a.putLong(j, asLong(q, t));
            }
        }
        a.end();
    }

    private static BigDecimal decimal(double q, DecimalType d) {
        return new BigDecimal(q).setScale(d.scale(), java.math.RoundingMode.HALF_UP);
    }

    /** Spark's {@code toLong} for bigints and timestamps, {@code toInt} for ints and dates. */
    private static long asLong(double q, DataType t) {
        return t == DataTypes.LongType || t == DataTypes.TimestampType ? (long) q : (int) q;
    }
}
