package io.tideway.engine.plan;

import io.tideway.engine.expr.TimeWindow;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

/**
 * The rows of a windowed aggregation's input: each child row once per event-time window it falls
 * in (one for tumbling windows, {@code ceil(window / slide)} for sliding), with the window as a
 * {@code struct<start, end>} column named {@code window} appended. Rows with a null time are
 * dropped. The {@code window} column inherits the time column's metadata, so a watermark on the
 * time column is a watermark on the window (Spark's rule).
 */
public final class TimeWindowExpand extends UnaryNode {
    private static final long serialVersionUID = 1L;
    public static final String WINDOW_COLUMN = "window";
    private final TimeWindow window;
    private final int timeOrdinal;
    private final StructType schema;

    public TimeWindowExpand(TimeWindow window, int timeOrdinal, LogicalPlan child) {
        super(child);
        this.window = window;
        this.timeOrdinal = timeOrdinal;
        StructField time = child.schema().apply(timeOrdinal);
        this.schema = child.schema().add(new StructField(WINDOW_COLUMN, TimeWindow.WINDOW_TYPE, true, time.metadata()));
    }

    public TimeWindow window() {
        return window;
    }

    public int timeOrdinal() {
        return timeOrdinal;
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public String nodeName() {
        return "Expand";
    }

    @Override
    protected String argString() {
        return window.sql() + " AS " + WINDOW_COLUMN;
    }

    @Override
    public TimeWindowExpand withNewChild(LogicalPlan child) {
        return new TimeWindowExpand(window, timeOrdinal, child);
    }
}
