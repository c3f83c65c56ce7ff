package io.tideway.engine.expr;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.List;
import java.util.Map;

/**
 * {@code window(timeColumn, windowDuration, slideDuration, startTime)}: the event-time windows a
 * row falls in, as Spark's {@code TimeWindow}. Windows are aligned to the epoch plus
 * {@code startTime}, {@code [start, end)}. A grouping by it becomes a
 * {@link io.tideway.engine.plan.TimeWindowExpand} under the aggregate (one row per window, as
 * Spark's {@code TimeWindowing} rule does), so this node is never evaluated row by row. Durations
 * are in microseconds, like timestamps.
 */
public final class TimeWindow extends Expression {
    private static final long serialVersionUID = 1L;
    public static final StructType WINDOW_TYPE = new StructType()
            .add("start", DataTypes.TimestampType, true)
            .add("end", DataTypes.TimestampType, true);
    /** What Spark 4.0 lists as the types a window's time column may have. */
    private static final String TIME_COLUMN_TYPES = "(\"(TIMESTAMP OR TIMESTAMP WITHOUT TIME ZONE)\" or "
            + "\"STRUCT<start: TIMESTAMP, end: TIMESTAMP>\" or \"STRUCT<start: TIMESTAMP_NTZ, end: TIMESTAMP_NTZ>\")";
    private final Expression timeColumn;
    private final long windowMicros;
    private final long slideMicros;
    private final long startMicros;

    public TimeWindow(Expression timeColumn, long windowMicros, long slideMicros, long startMicros) {
        this.timeColumn = timeColumn;
        this.windowMicros = windowMicros;
        this.slideMicros = slideMicros;
        this.startMicros = startMicros;
        if (windowMicros <= 0) {
            throw outOfRange("window_duration", windowMicros);
        }
        if (slideMicros <= 0) {
            throw outOfRange("slide_duration", slideMicros);
        }
        if (slideMicros > windowMicros) {
            throw constraintViolated("slide_duration", slideMicros, "<=", "window_duration", windowMicros);
        }
        if (Math.abs(startMicros) >= slideMicros) {
            throw constraintViolated("abs(start_time)", Math.abs(startMicros), "<", "slide_duration", slideMicros);
        }
    }

    /** Spark's check of a duration, in its wording; longs print as SQL literals ({@code 10L}). */
    private RuntimeException outOfRange(String name, long value) {
        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", Map.of(
                "sqlExpr", ErrorParams.expr(sql()), "exprName", ErrorParams.id(name),
                "valueRange", "(0, " + Long.MAX_VALUE + "]", "currentValue", value + "L")));
    }

    private RuntimeException constraintViolated(String left, long leftValue, String constraint, String right, long rightValue) {
        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.PARAMETER_CONSTRAINT_VIOLATION", Map.of(
                "sqlExpr", ErrorParams.expr(sql()), "leftExprName", ErrorParams.id(left), "leftExprValue", leftValue + "L",
                "constraint", constraint, "rightExprName", ErrorParams.id(right), "rightExprValue", rightValue + "L")));
    }

    /** Spark's {@code UNEXPECTED_INPUT_TYPE} for a window whose time column is not a timestamp. */
    static RuntimeException notATimestamp(String sql, Expression timeColumn) {
        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", Map.of(
                "sqlExpr", ErrorParams.expr(sql), "paramIndex", ErrorParams.ordinal(0), "requiredType", TIME_COLUMN_TYPES,
                "inputSql", ErrorParams.expr(timeColumn.sql()), "inputType", ErrorParams.type(timeColumn.dataType()))));
    }

    public Expression timeColumn() {
        return timeColumn;
    }

    public long windowMicros() {
        return windowMicros;
    }

    public long slideMicros() {
        return slideMicros;
    }

    public long startMicros() {
        return startMicros;
    }

    /** How many windows each row falls in. */
    public int windowsPerRow() {
        return (int) ((windowMicros + slideMicros - 1) / slideMicros);
    }

    /** The start of the latest window containing {@code t}: Spark 3's non-negative modulo. */
    public long lastStart(long t) {
        return t - Math.floorMod(t - startMicros, slideMicros);
    }

    @Override
    public List<Expression> children() {
        return List.of(timeColumn);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new TimeWindow(c.get(0), windowMicros, slideMicros, startMicros);
    }

    @Override
    public String sql() {
        return "window(" + timeColumn.sql() + ", " + windowMicros + ", " + slideMicros + ", " + startMicros + ")";
    }

    @Override
    public DataType dataType() {
        DataType t = timeColumn.dataType();
        if (t != DataTypes.TimestampType) {
            throw notATimestamp(sql(), timeColumn);
        }
        return WINDOW_TYPE;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        throw Unchecked.raise(new AnalysisException("window() is supported as a grouping expression: groupBy(window(...), ...)"));
    }
}
