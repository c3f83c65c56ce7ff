package io.tideway.engine.expr.agg;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Cast;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Foldable;
import io.tideway.engine.expr.Literal;
import io.tideway.offheap.row.ArrayWriter;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DayTimeIntervalType;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.StructType;
import io.tideway.sql.types.YearMonthIntervalType;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * {@code histogram_numeric(x, nb)}: Spark's {@code HistogramNumeric}, a {@link NumericHistogram} of
 * at most {@code nb} bins (a foldable INT of at least 2) over the values as doubles, answered as an
 * array of {@code (x, y)} structs whose centres take the input's type (Spark's default
 * {@code histogramNumericPropagateInputType}: truncated to an integral type, rounded to a decimal's
 * scale); null over no values. Held as the histogram's bytes.
 */
public final class HistogramNumeric extends HeldAggregate {
    private static final long serialVersionUID = 1L;
    private final Expression bins;
    /** nb and the input's type once checked, read per row (racy single-check: each computed whole, immutable). */
    private transient int binCount;
    private transient DataType inputType;

    public HistogramNumeric(Expression child, Expression bins) {
        super(child);
        this.bins = bins;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new HistogramNumeric(c.get(0), c.get(1));
    }

    @Override
    public List<Expression> children() {
        return List.of(child, bins);
    }

    @Override
    public List<Expression> inputs() {
        return List.of(InputTypes.numeric(child));
    }

    @Override
    public String name() {
        return "histogram_numeric";
    }

    @Override
    public String sql() {
        return "histogram_numeric(" + child.sql() + ", " + bins.sql() + ")";
    }

    @Override
    public DataType dataType() {
        DataType t = InputTypes.numeric(child).dataType();
        if (!t.isNumeric() && t != DataTypes.DateType && t != DataTypes.TimestampType && t != DataTypes.TimestampNTZType
                && !(t instanceof YearMonthIntervalType) && !(t instanceof DayTimeIntervalType) && t != DataTypes.NullType) {
            throw InputTypes.mismatch(this, child, 0, "(\"NUMERIC\" or \"TIMESTAMP\" or \"DATE\" or \"TIMESTAMP_NTZ\" or "
                    + "\"INTERVAL YEAR TO MONTH\" or \"INTERVAL DAY TO SECOND\")");
        }
        binCount();
        StructType bin = new StructType().add("x", t).add("y", DataTypes.DoubleType);
        return new ArrayType(bin, true);
    }

    /** nb, checked as Spark's {@code checkInputDataTypes}: foldable, an INT (a string is cast), at least 2. */
    private int binCount() {
        if (!Foldable.of(bins)) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", Map.of("sqlExpr",
                    ErrorParams.expr(sql()), "inputName", "`nb`", "inputType", "\"INT\"",
                    "inputExpr", ErrorParams.expr(bins.sql())), sqlOrigin()));
        }
        Expression asInt = bins.dataType() == DataTypes.IntegerType ? bins : new Cast(bins, DataTypes.IntegerType);
        Evaluator e = asInt.evaluator(new EvalContext(true));
        e.eval(null);
        if (e.isNull || e.l < 2) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", Map.of("sqlExpr",
                    ErrorParams.expr(sql()), "exprName", "nb", "valueRange", "[2, 2147483647]",
                    "currentValue", e.isNull ? "null" : String.valueOf(e.l)), sqlOrigin()));
        }
        return (int) e.l;
    }

    private int cachedBinCount() {
        int n = binCount;
        if (n == 0) {
            n = binCount();
            binCount = n;
        }
        return n;
    }

    private DataType inputType() {
        DataType t = inputType;
        if (t == null) {
            t = InputTypes.numeric(child).dataType();
            inputType = t;
        }
        return t;
    }


    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public int updateHeld(DirectBuffer held, int heldAt, int heldLength, Evaluator[] in, ExpandableArrayBuffer out) {
        Evaluator e = in[0];
        if (e.isNull) {
            return UNCHANGED;
        }
        return NumericHistogram.add(held, heldAt, heldLength, InputTypes.asDouble(e, inputType()), cachedBinCount(), out);
    }

    @Override
    public int mergeHeld(DirectBuffer held, int heldAt, int heldLength, DirectBuffer other, int otherAt, int otherLength,
                         ExpandableArrayBuffer out) {
        if (otherLength < 0 || NumericHistogram.bins(otherLength) == 0) {
            return UNCHANGED;
        }
        return NumericHistogram.merge(held, heldAt, heldLength, other, otherAt, otherLength, cachedBinCount(), out);
    }

    @Override
    public void writeHeld(DirectBuffer held, int heldAt, int heldLength, RowWriter out, int field) {
        int n = heldLength < 0 ? 0 : NumericHistogram.bins(heldLength);
        if (n == 0) {
            out.setNull(field);
            return;
        }
        DataType t = InputTypes.numeric(child).dataType();
        ArrayWriter a = out.beginArray(field, n);
        UnsafeBuffer scratch = new UnsafeBuffer(new byte[64]);
        RowWriter bin = new RowWriter(2);
        for (int i = 0; i < n; i++) {
            bin.wrap(scratch, 0);
            writeCentre(NumericHistogram.x(held, heldAt, i), t, bin);
            bin.putDouble(1, NumericHistogram.y(held, heldAt, i));
            a.putBytes(i, scratch, 0, bin.finish());
        }
        a.end();
    }

    /** A bin's centre in the input's type, as Spark converts it. */
    private static void writeCentre(double x, DataType t, RowWriter bin) {
        if (t == DataTypes.ByteType) {
            bin.putLong(0, (byte) (int) x);
        } else if (t == DataTypes.ShortType) {
            bin.putLong(0, (short) (int) x);
        } else if (t == DataTypes.IntegerType || t == DataTypes.DateType || t instanceof YearMonthIntervalType) {
            bin.putLong(0, (int) x);
        } else if (t == DataTypes.LongType || t == DataTypes.TimestampType || t == DataTypes.TimestampNTZType
                || t instanceof DayTimeIntervalType) {
            bin.putLong(0, (long) x);
        } else if (t == DataTypes.FloatType) {
            bin.putDouble(0, (float) x);
        } else if (t instanceof DecimalType d) {
            BigDecimal v = new BigDecimal(Double.toString(x)).setScale(d.scale(), RoundingMode.HALF_UP);
            if (v.precision() - v.scale() > d.precision() - d.scale() && v.signum() != 0) {
                bin.setNull(0);
            } else {
                bin.putDecimal(0, v, d.precision());
            }
        } else {
            bin.putDouble(0, x);
        }
    }
}
