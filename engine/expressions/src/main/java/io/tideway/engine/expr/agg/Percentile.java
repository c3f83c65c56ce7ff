package io.tideway.engine.expr.agg;

import io.tideway.engine.error.Unchecked;
import io.tideway.SparkIllegalArgumentException;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.Expression;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code percentile(x, p)} and {@code median(x)} (p = 0.5): the exact percentile of the non-null
 * values as doubles, interpolated between the two values around position {@code (n - 1) * p}, as
 * Spark's {@code Percentile}; {@code percentile(x, p, frequency)} counts each row that many times.
 * Holds every row as 16 bytes (the value as a double, its frequency); null over none.
 */
public final class Percentile extends HeldAggregate {
    private static final long serialVersionUID = 1L;
    /** A held entry: the value as a double, then its frequency. */
    private static final int ENTRY = 16;
    private final Expression percentage;
    /** How many times each row counts: a column or literal of an integral type (1 unless given). */
    private final Expression frequency;
    private final boolean median;
    /** {@code percentile_cont} or {@code percentile_disc} written with WITHIN GROUP, else null. */
    private final String ordered;
    /** {@code WITHIN GROUP (ORDER BY x DESC)}: the values ranked from the largest. */
    private final boolean reverse;

    public Percentile(Expression child, Expression percentage, Expression frequency, boolean median) {
        this(child, percentage, frequency, median, null, false);
    }

    private Percentile(Expression child, Expression percentage, Expression frequency, boolean median, String ordered,
                       boolean reverse) {
        super(child);
        this.percentage = percentage;
        this.frequency = frequency == null ? Literal.of(1L) : frequency;
        this.median = median;
        this.ordered = ordered;
        this.reverse = reverse;
    }

    /**
     * {@code percentile_cont(p) WITHIN GROUP (ORDER BY x [DESC])} (Spark's {@code PercentileCont},
     * interpolated as {@code percentile}) or {@code percentile_disc(...)} (the first value whose
     * cumulative share reaches p), each row counted once, ranked from the largest when descending.
     */
    public static Percentile ordered(String name, Expression child, Expression percentage, boolean reverse) {
        return new Percentile(child, percentage, null, false, name, reverse);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        if (ordered != null) {
            return new Percentile(c.get(0), c.get(1), frequency, false, ordered, reverse);
        }
        return median ? new Percentile(c.get(0), percentage, frequency, true) : new Percentile(c.get(0), c.get(1), c.get(2), false);
    }

    @Override
    public List<Expression> children() {
        if (ordered != null) {
            return List.of(child, percentage);
        }
        return median ? List.of(child) : List.of(child, percentage, frequency);
    }

    @Override
    public List<Expression> inputs() {
        return List.of(InputTypes.numeric(child), frequency);
    }

    @Override
    public String name() {
        return ordered != null ? ordered : median ? "median" : "percentile";
    }

    @Override
    public String sql() {
        if (ordered != null) {
            return ordered + "(" + percentage.sql() + ") WITHIN GROUP (ORDER BY " + child.sql() + (reverse ? " DESC)" : ")");
        }
        return median ? "median(" + child.sql() + ")"
                : "percentile(" + child.sql() + ", " + percentage.sql() + ", " + frequency.sql() + ")";
    }

    @Override
    public DataType dataType() {
        InputTypes.requireNumeric(this, child, 0);
        DataType f = frequency.dataType();
        if (!f.isNumeric() || ValueCodec.isDouble(f) || f instanceof io.tideway.sql.types.DecimalType) {
            throw InputTypes.mismatch(this, frequency, 2, "\"INTEGRAL\"");
        }
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
        if (ordered != null && percentage instanceof Literal l && l.value() instanceof Number n) {
            // Spark checks the replacement percentile, named after the ordered form's arguments
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", Map.of(
                    "sqlExpr", ErrorParams.expr(ordered + "(" + child.sql() + ", " + percentage.sql() + ")"),
                    "exprName", "percentage", "valueRange", "[0.0, 1.0]", "currentValue", n.doubleValue() + "D"),
                    sqlOrigin()));
        }
        throw Unchecked.raise(new AnalysisException("The percentage of " + sql()
                + " must be a number literal between 0.0 and 1.0 or an array of them, not " + percentage.sql()));
    }

    @Override
    public int updateHeld(DirectBuffer held, int heldAt, int heldLength, Evaluator[] in, ExpandableArrayBuffer out) {
        if (in[0].isNull || in[1].isNull || in[1].l == 0) {
            return UNCHANGED;
        }
        if (in[1].l < 0) {
            throw new SparkIllegalArgumentException("NEGATIVE_VALUES_IN_FREQUENCY_EXPRESSION", Map.of(
                    // Spark names the frequency as its bound physical expression and the count as a bigint literal
                    "frequencyExpression", ErrorParams.expr(frequency instanceof io.tideway.engine.expr.BoundReference
                            ? "boundreference()" : frequency.sql()), "negativeValue", in[1].l + "L"));
        }
        int n = Math.max(0, heldLength);
        if (n > 0) {
            out.putBytes(0, held, heldAt, n);
        }
        out.putDouble(n, InputTypes.asDouble(in[0], inputs().get(0).dataType()));
        out.putLong(n + 8, in[1].l);
        return n + ENTRY;
    }

    @Override
    public int mergeHeld(DirectBuffer held, int heldAt, int heldLength, DirectBuffer other, int otherAt, int otherLength,
                         ExpandableArrayBuffer out) {
        if (otherLength <= 0) {
            return UNCHANGED;
        }
        int n = Math.max(0, heldLength);
        if (n > 0) {
            out.putBytes(0, held, heldAt, n);
        }
        out.putBytes(n, other, otherAt, otherLength);
        return n + otherLength;
    }

    @Override
    public void writeHeld(DirectBuffer held, int heldAt, int heldLength, RowWriter out, int field) {
        int n = Math.max(0, heldLength) / ENTRY;
        if (n == 0) {
            out.setNull(field);
            return;
        }
        double[][] entries = new double[n][];
        for (int i = 0; i < n; i++) {
            int at = heldAt + i * ENTRY;
            entries[i] = new double[] {held.getDouble(at), held.getLong(at + 8)};
        }
        // Spark's keys sorted (descending for WITHIN GROUP (ORDER BY x DESC)), counts accumulated
        Arrays.sort(entries, reverse ? (a, b) -> Double.compare(b[0], a[0]) : (a, b) -> Double.compare(a[0], b[0]));
        double[] values = new double[n];
        long[] accumulated = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            values[i] = entries[i][0];
            total += (long) entries[i][1];
            accumulated[i] = total;
        }
        double[] fractions = fractions();
        boolean discrete = "percentile_disc".equals(ordered);
        if (!Percentages.isArray(percentage)) {
            out.putDouble(field, discrete ? discreteAt(values, accumulated, fractions[0]) : at(values, accumulated, fractions[0]));
            return;
        }
        io.tideway.offheap.row.ArrayWriter a = out.beginArray(field, fractions.length);
        for (int j = 0; j < fractions.length; j++) {
            a.putDouble(j, discrete ? discreteAt(values, accumulated, fractions[j]) : at(values, accumulated, fractions[j]));
        }
        a.end();
    }

    /** {@code percentile_disc}: the value with the smallest cumulative share of at least {@code fraction}. */
    private static double discreteAt(double[] values, long[] accumulated, double fraction) {
        long higher = (long) Math.ceil(accumulated[accumulated.length - 1] * fraction);
        int i = Arrays.binarySearch(accumulated, higher);
        return values[i < 0 ? -(i + 1) : i];
    }

    /** Spark's interpolation between the values of ranks around position {@code (count - 1) * p}. */
    private static double at(double[] values, long[] accumulated, double fraction) {
        double position = (accumulated[accumulated.length - 1] - 1) * fraction;
        long lower = (long) Math.floor(position);
        long higher = (long) Math.ceil(position);
        double lowerValue = values[firstReaching(accumulated, lower + 1)];
        if (higher == lower) {
            return lowerValue;
        }
        double higherValue = values[firstReaching(accumulated, higher + 1)];
        if (Double.compare(lowerValue, higherValue) == 0) {
            return lowerValue;
        }
        return (higher - position) * lowerValue + (position - lower) * higherValue;
    }

    /** The first index whose accumulated count reaches {@code count}. */
    private static int firstReaching(long[] accumulated, long count) {
        int i = Arrays.binarySearch(accumulated, count);
        if (i < 0) {
            return -(i + 1);
        }
        while (i > 0 && accumulated[i - 1] == count) {
            i--;
        }
        return i;
    }
}
