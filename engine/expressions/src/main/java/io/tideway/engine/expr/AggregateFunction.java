package io.tideway.engine.expr;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import org.agrona.DirectBuffer;
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
     * {@link #prefers} instead of {@link #update}, {@link #merge} and {@link #writeResult}.
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
