package io.tideway.engine.expr;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.util.Durations;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.List;
import java.util.Map;

/**
 * {@code session_window(timeColumn, gapDuration)} (Spark 3.2+): a row opens the session
 * {@code [t, t + gap)}; sessions of one group that overlap merge into one. A grouping expression
 * only: it becomes a {@code SessionWindowExpand} under the aggregate and the
 * merging happens in the stateful aggregation. The gap is in microseconds.
 */
public final class SessionWindow extends Expression implements Coercible {
    private static final long serialVersionUID = 1L;
    private final Expression timeColumn;
    private final long gapMicros;
    /** A per-row gap (Spark 3.2's dynamic gap): a string such as {@code "5 minutes"} or an interval; null when static. */
    private final Expression gap;

    /** A static gap, positive: what {@link #coerceTypes()} makes of a literal gap that parses. */
    public SessionWindow(Expression timeColumn, long gapMicros) {
        this.timeColumn = timeColumn;
        this.gapMicros = gapMicros;
        this.gap = null;
    }

    /**
     * A gap expression, as Spark takes every gap, {@code session_window(t, "10 minutes")}
     * included: evaluated per row; rows whose gap is null or not positive (a string that is no
     * interval, {@code "-10 seconds"}) are dropped, as in Spark.
     */
    public SessionWindow(Expression timeColumn, Expression gap) {
        this.timeColumn = timeColumn;
        this.gapMicros = -1;
        this.gap = gap;
    }

    /** The per-row gap expression, or null for a static gap. */
    public Expression gap() {
        return gap;
    }

    public Expression timeColumn() {
        return timeColumn;
    }

    public long gapMicros() {
        return gapMicros;
    }

    @Override
    public List<Expression> children() {
        return gap == null ? List.of(timeColumn) : List.of(timeColumn, gap);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return gap == null ? new SessionWindow(c.get(0), gapMicros) : new SessionWindow(c.get(0), c.get(1));
    }

    @Override
    public String sql() {
        return "session_window(" + timeColumn.sql() + ", " + (gap == null ? Long.toString(gapMicros) : gap.sql()) + ")";
    }

    /**
     * A string time column is cast to a timestamp (Spark's {@code ImplicitCastInputTypes}); a
     * literal gap that is a positive interval becomes a static gap, which needs no per-row work.
     */
    @Override
    public Expression coerceTypes() {
        Expression time = TimeWindow.castStringToTimestamp(timeColumn);
        long staticGap = gap instanceof Literal l && l.value() instanceof String text ? positiveMicros(text) : 0;
        if (staticGap > 0) {
            return new SessionWindow(time, staticGap);
        }
        return time == timeColumn ? this : withChildren(gap == null ? List.of(time) : List.of(time, gap));
    }

    /** The gap {@code text} gives, or 0 when it is no interval, is not positive or counts months. */
    private static long positiveMicros(String text) {
        try {
            Durations.CalendarInterval i = Durations.parseCalendarInterval(text);
            return i.months() == 0 && i.micros() > 0 ? i.micros() : 0;
        } catch (IllegalArgumentException | ArithmeticException e) {
            return 0;
        }
    }

    /** Spark's {@code SessionWindow.checkInputDataTypes}: the time column's type, then the gap's. Null when valid. */
    public TimeWindow.TypeMismatch typeCheck() {
        if (timeColumn.dataType() != DataTypes.TimestampType) {
            return TimeWindow.notATimestamp(sql(), timeColumn);
        }
        if (gap != null && gap.dataType() != DataTypes.StringType && !(gap.dataType() instanceof io.tideway.sql.types.DayTimeIntervalType)) {
            return new TimeWindow.TypeMismatch("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", Map.of(
                    "sqlExpr", ErrorParams.expr(sql()), "paramIndex", ErrorParams.ordinal(1),
                    "requiredType", "(\"STRING\" or \"INTERVAL\")", "inputSql", ErrorParams.expr(gap.sql()),
                    "inputType", ErrorParams.type(gap.dataType())));
        }
        return null;
    }

    /** Its type even when {@link #typeCheck()} fails: the analyser reports the failure with its plan. */
    @Override
    public DataType dataType() {
        return TimeWindow.WINDOW_TYPE;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        throw Unchecked.raise(new AnalysisException(
                "session_window() is supported as a grouping expression: groupBy(session_window(...), ...)"));
    }
}
