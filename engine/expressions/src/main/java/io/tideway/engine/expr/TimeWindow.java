package io.tideway.engine.expr;

import io.tideway.SparkIllegalArgumentException;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.util.Durations;
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
 * {@code TimeWindowExpand} under the aggregate (one row per window, as
 * Spark's {@code TimeWindowing} rule does), so this node is never evaluated row by row. Durations
 * are in microseconds, like timestamps.
 */
public final class TimeWindow extends Expression implements Coercible {
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

    /** Unchecked, as Spark builds it: {@link #typeCheck()} says what is wrong when the plan is analysed. */
    public TimeWindow(Expression timeColumn, long windowMicros, long slideMicros, long startMicros) {
        this.timeColumn = timeColumn;
        this.windowMicros = windowMicros;
        this.slideMicros = slideMicros;
        this.startMicros = startMicros;
    }

    /**
     * {@code window(timeColumn, windowDuration, slideDuration, startTime)} as a user writes it:
     * the durations are parsed when the column is resolved against a plan, as Spark's function
     * builder does, not when the column is built.
     */
    public static Expression call(Expression timeColumn, String windowDuration, String slideDuration, String startTime) {
        return new Call(timeColumn, windowDuration, slideDuration, startTime);
    }

    /**
     * Spark's {@code TimeWindow.checkInputDataTypes}, in its order and words: the time column's
     * type, then the durations. Null when the window is valid.
     */
    public TypeMismatch typeCheck() {
        if (timeColumn.dataType() != DataTypes.TimestampType) {
            return notATimestamp(sql(), timeColumn);
        }
        if (windowMicros <= 0) {
            return outOfRange("window_duration", windowMicros);
        }
        if (slideMicros <= 0) {
            return outOfRange("slide_duration", slideMicros);
        }
        if (slideMicros > windowMicros) {
            return constraintViolated("slide_duration", slideMicros, "<=", "window_duration", windowMicros);
        }
        if (Math.abs(startMicros) >= slideMicros) {
            return constraintViolated("abs(start_time)", Math.abs(startMicros), "<", "slide_duration", slideMicros);
        }
        return null;
    }

    /**
     * A {@code DATATYPE_MISMATCH} found by a type check: the sub-condition and its parameters.
     * The analyser raises it with the plan it was checking. Immutable.
     */
    public record TypeMismatch(String condition, Map<String, String> parameters) {
    }

    /** Spark's check of a duration, in its wording; longs print as SQL literals ({@code 10L}). */
    private TypeMismatch outOfRange(String name, long value) {
        return new TypeMismatch("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", Map.of(
                "sqlExpr", ErrorParams.expr(sql()), "exprName", ErrorParams.id(name),
                "valueRange", "(0, " + Long.MAX_VALUE + "]", "currentValue", value + "L"));
    }

    private TypeMismatch constraintViolated(String left, long leftValue, String constraint, String right, long rightValue) {
        return new TypeMismatch("DATATYPE_MISMATCH.PARAMETER_CONSTRAINT_VIOLATION", Map.of(
                "sqlExpr", ErrorParams.expr(sql()), "leftExprName", ErrorParams.id(left), "leftExprValue", leftValue + "L",
                "constraint", constraint, "rightExprName", ErrorParams.id(right), "rightExprValue", rightValue + "L"));
    }

    /** Spark's {@code UNEXPECTED_INPUT_TYPE} for a window whose time column is not a timestamp. */
    static TypeMismatch notATimestamp(String sql, Expression timeColumn) {
        return new TypeMismatch("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", Map.of(
                "sqlExpr", ErrorParams.expr(sql), "paramIndex", ErrorParams.ordinal(0), "requiredType", TIME_COLUMN_TYPES,
                "inputSql", ErrorParams.expr(timeColumn.sql()), "inputType", ErrorParams.type(timeColumn.dataType())));
    }

    /** A string time column is cast to a timestamp, as Spark's {@code ImplicitCastInputTypes} does. */
    @Override
    public Expression coerceTypes() {
        Expression time = castStringToTimestamp(timeColumn);
        return time == timeColumn ? this : new TimeWindow(time, windowMicros, slideMicros, startMicros);
    }

    static Expression castStringToTimestamp(Expression time) {
        return time.dataType() == DataTypes.StringType ? new Cast(time, DataTypes.TimestampType, true) : time;
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

    /** Its type even when {@link #typeCheck()} fails: the analyser reports the failure with its plan. */
    @Override
    public DataType dataType() {
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

    /**
     * {@code window(...)} with its durations as written, Spark's unresolved function call.
     * Resolving it parses them ({@code CANNOT_PARSE_INTERVAL}; a month or more is refused, since
     * a month has no fixed length) and yields the {@link TimeWindow}.
     */
    private static final class Call extends Expression implements Coercible {
        private static final long serialVersionUID = 1L;
        private final Expression timeColumn;
        private final String windowDuration;
        private final String slideDuration;
        private final String startTime;

        Call(Expression timeColumn, String windowDuration, String slideDuration, String startTime) {
            this.timeColumn = timeColumn;
            this.windowDuration = windowDuration;
            this.slideDuration = slideDuration;
            this.startTime = startTime;
        }

        @Override
        public Expression coerceTypes() {
            return new TimeWindow(timeColumn, micros(windowDuration), micros(slideDuration), micros(startTime)).coerceTypes();
        }

        /** Spark's {@code TimeWindow.getIntervalInMicroSeconds}. */
        private static long micros(String interval) {
            Durations.CalendarInterval i;
            try {
                i = Durations.parseCalendarInterval(interval);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw Unchecked.raise(new AnalysisException("CANNOT_PARSE_INTERVAL",
                        Map.of("intervalString", ErrorParams.value(interval))));
            }
            if (i.months() != 0) {
                throw new SparkIllegalArgumentException("_LEGACY_ERROR_TEMP_3231", Map.of("interval", interval));
            }
            return i.micros();
        }

        @Override
        public List<Expression> children() {
            return List.of(timeColumn);
        }

        @Override
        public Expression withChildren(List<Expression> c) {
            return new Call(c.get(0), windowDuration, slideDuration, startTime);
        }

        @Override
        public String sql() {
            return "window(" + timeColumn.sql() + ", " + windowDuration + ", " + slideDuration + ", " + startTime + ")";
        }

        @Override
        public DataType dataType() {
            return WINDOW_TYPE;
        }

        @Override
        public boolean resolved() {
            return false;
        }

        @Override
        public Evaluator evaluator(EvalContext context) {
            throw new IllegalStateException("window() is evaluated only once resolved: " + sql());
        }
    }
}
