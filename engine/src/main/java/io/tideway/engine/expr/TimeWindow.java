package io.tideway.engine.expr;

import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.List;

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
            throw new AnalysisException("The window duration (" + windowMicros + ") must be greater than 0.");
        }
        if (slideMicros <= 0) {
            throw new AnalysisException("The slide duration (" + slideMicros + ") must be greater than 0.");
        }
        if (slideMicros > windowMicros) {
            throw new AnalysisException("The slide duration (" + slideMicros + ") must be less than or equal to the windowDuration ("
                    + windowMicros + ").");
        }
        if (Math.abs(startMicros) >= slideMicros) {
            throw new AnalysisException("The absolute value of start time (" + startMicros + ") must be less than the slideDuration ("
                    + slideMicros + ").");
        }
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
            throw new AnalysisException("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"" + sql()
                    + "\" due to data type mismatch: the first parameter requires the \"TIMESTAMP\" type, however \""
                    + timeColumn.sql() + "\" has the type \"" + t.simpleString().toUpperCase() + "\".");
        }
        return WINDOW_TYPE;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        throw new AnalysisException("window() is supported as a grouping expression: groupBy(window(...), ...)");
    }
}
