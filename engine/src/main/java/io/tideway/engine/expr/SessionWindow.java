package io.tideway.engine.expr;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.List;
import java.util.Map;

/**
 * {@code session_window(timeColumn, gapDuration)} (Spark 3.2+): a row opens the session
 * {@code [t, t + gap)}; sessions of one group that overlap merge into one. A grouping expression
 * only: it becomes a {@link io.tideway.engine.plan.SessionWindowExpand} under the aggregate and the
 * merging happens in the stateful aggregation. The gap is in microseconds.
 */
public final class SessionWindow extends Expression {
    private static final long serialVersionUID = 1L;
    private final Expression timeColumn;
    private final long gapMicros;
    /** A per-row gap (Spark 3.2's dynamic gap): a string such as {@code "5 minutes"} or an interval; null when static. */
    private final Expression gap;

    public SessionWindow(Expression timeColumn, long gapMicros) {
        this.timeColumn = timeColumn;
        this.gapMicros = gapMicros;
        this.gap = null;
        if (gapMicros <= 0) {
            throw Unchecked.raise(new AnalysisException("The session window gap duration (" + gapMicros + ") must be greater than 0."));
        }
    }

    /** A dynamic gap: evaluated per row; rows whose gap is null or not positive are dropped, as in Spark. */
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

    @Override
    public DataType dataType() {
        DataType t = timeColumn.dataType();
        if (t != DataTypes.TimestampType) {
            throw TimeWindow.notATimestamp(sql(), timeColumn);
        }
        if (gap != null && gap.dataType() != DataTypes.StringType && gap.dataType() != DataTypes.DayTimeIntervalType) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", Map.of(
                    "sqlExpr", ErrorParams.expr(sql()), "paramIndex", ErrorParams.ordinal(1),
                    "requiredType", "(\"STRING\" or \"INTERVAL\")", "inputSql", ErrorParams.expr(gap.sql()),
                    "inputType", ErrorParams.type(gap.dataType()))));
        }
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
