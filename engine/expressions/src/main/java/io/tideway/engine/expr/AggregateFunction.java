package io.tideway.engine.expr;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.List;
import java.util.Map;

/**
 * An aggregate ({@code count}, {@code sum}, {@code avg}, {@code min}, {@code max}). Its running
 * state is a fixed number of 8-byte words inside the group's value in the state store,
 * updated in place: {@link #initialize}, then {@link #update} per input row, then
 * {@link #writeResult}. The input value comes from the evaluator of {@link #input()}.
 */
public abstract class AggregateFunction extends Expression {
    private static final long serialVersionUID = 1L;
    protected final Expression child;

    protected AggregateFunction(Expression child) {
        this.child = child;
    }

    /** The expression aggregated (for {@code count(*)} a literal 1). */
    public Expression input() {
        return child;
    }

    /**
     * Every expression the aggregator evaluates per row for this function, in the order
     * {@link #update(MutableDirectBuffer, int, Evaluator[])} receives them: {@link #input()} alone
     * unless the function reads two columns ({@code corr(x, y)}, {@code max_by(x, ord)}).
     */
    public List<Expression> inputs() {
        return List.of(input());
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    public abstract String name();

    @Override
    public String sql() {
        return name() + "(" + child.sql() + ")";
    }

    /** The length word of a {@link #variableWidth()} function that holds no value yet. */
    public static final long NO_VALUE = -1L;

    /**
     * Whether the running state is one value of no fixed width (min/max of a string). Then its
     * words are one length word ({@link #NO_VALUE} or the held value's byte length), the
     * aggregator keeps the bytes after the fixed words of the group's payload and calls
     * {@link #updateHeld}, {@link #mergeHeld} and {@link #writeHeld} instead of {@link #update},
     * {@link #merge} and {@link #writeResult}. The held bytes are the whole state (collect_list's
     * values, a percentile's samples); the one fixed word is the aggregator's.
     */
    public boolean variableWidth() {
        return false;
    }

    /** For a {@link #variableWidth()} function: whether {@code candidate} replaces the held value. */
    public boolean prefers(DirectBuffer candidate, int at, int length, DirectBuffer held, int heldAt, int heldLength) {
        throw new UnsupportedOperationException(sql() + " keeps fixed-width state");
    }

    /** Number of 8-byte words of running state. */
    public abstract int bufferWords();

    public abstract void initialize(MutableDirectBuffer b, int at);

    public abstract void update(MutableDirectBuffer b, int at, Evaluator in);

    /** Folds one input row given the evaluator of each of {@link #inputs()}; one-input functions read {@code in[0]}. */
    public void update(MutableDirectBuffer b, int at, Evaluator[] in) {
        update(b, at, in[0]);
    }

    /** What {@link #updateHeld} and {@link #mergeHeld} return when the held state stays as it was. */
    public static final int UNCHANGED = -2;

    /**
     * For a {@link #variableWidth()} function: folds one input row into the held state
     * ({@code heldLength} {@link #NO_VALUE}: none yet). Writes the new state from offset 0 of
     * {@code out} (which grows as written) and returns its length, or returns {@link #UNCHANGED}. By default the state is one
     * value that a candidate replaces when {@link #prefers} says so (min/max of strings).
     */
    public int updateHeld(DirectBuffer held, int heldAt, int heldLength, Evaluator[] in, ExpandableArrayBuffer out) {
        Evaluator e = in[0];
        if (e.isNull || heldLength >= 0 && !prefers(e.buf, e.off, e.len, held, heldAt, heldLength)) {
            return UNCHANGED;
        }
        out.putBytes(0, e.buf, e.off, e.len);
        return e.len;
    }

    /** For a {@link #variableWidth()} function: folds another partial held state into this one, as {@link #updateHeld}. */
    public int mergeHeld(DirectBuffer held, int heldAt, int heldLength, DirectBuffer other, int otherAt, int otherLength,
                         ExpandableArrayBuffer out) {
        if (otherLength < 0 || heldLength >= 0 && !prefers(other, otherAt, otherLength, held, heldAt, heldLength)) {
            return UNCHANGED;
        }
        out.putBytes(0, other, otherAt, otherLength);
        return otherLength;
    }

    /** For a {@link #variableWidth()} function: writes the final value of the held state into {@code out}'s field. */
    public void writeHeld(DirectBuffer held, int heldAt, int heldLength, RowWriter out, int field) {
        if (heldLength < 0) {
            out.setNull(field);
        } else {
            out.putBytes(field, held, heldAt, heldLength);
        }
    }

    /** Folds another partial state of this function ({@code src} at {@code srcAt}) into the one at {@code at}. */
    public abstract void merge(MutableDirectBuffer b, int at, DirectBuffer src, int srcAt);

    /** Writes the final value from the state at {@code at} into {@code out}'s field. */
    public abstract void writeResult(DirectBuffer b, int at, RowWriter out, int field);

    @Override
    public Evaluator evaluator(EvalContext context) {
        throw new IllegalStateException(sql() + " is an aggregate; it runs inside an aggregation operator");
    }

    /** Whether the input is a double or a float (held as a double): the running state is a double. */
    protected boolean fractionalInput() {
        DataType t = child.dataType();
        return t == io.tideway.sql.types.DataTypes.DoubleType || t == io.tideway.sql.types.DataTypes.FloatType;
    }

    /** Whether the input is a day-time or year-month interval (sum and avg take them, as longs). */
    protected boolean intervalInput() {
        DataType t = child.dataType();
        return t instanceof io.tideway.sql.types.DayTimeIntervalType || t instanceof io.tideway.sql.types.YearMonthIntervalType;
    }

    /**
     * Spark's implicit cast of a sum/avg input ({@code TypeCollection(NumericType, ANSI intervals)}),
     * with or without ANSI: a string or NULL becomes a DOUBLE (invisible in the column name); other
     * types stay as they are, for {@link #requireNumeric()} to judge.
     */
    protected Expression numericInput() {
        DataType t = child.dataType();
        return t == io.tideway.sql.types.DataTypes.StringType || t == io.tideway.sql.types.DataTypes.NullType
                ? TypeCoercion.castIfNeeded(child, io.tideway.sql.types.DataTypes.DoubleType) : child;
    }

    /** Spark's sum/avg input: a number or an ANSI interval. */
    protected void requireNumeric() {
        DataType t = child.dataType();
        if (!t.isNumeric() && t != io.tideway.sql.types.DataTypes.NullType && !intervalInput()) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", Map.of(
                    "sqlExpr", ErrorParams.expr(sql()), "paramIndex", ErrorParams.ordinal(0),
                    "requiredType", "\"NUMERIC\" or \"ANSI INTERVAL\"", "inputSql", ErrorParams.expr(child.sql()),
                    "inputType", ErrorParams.type(t)), sqlOrigin()));
        }
    }
}
