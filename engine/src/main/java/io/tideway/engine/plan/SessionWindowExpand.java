package io.tideway.engine.plan;

import io.tideway.engine.expr.SessionWindow;
import io.tideway.engine.expr.TimeWindow;
import io.tideway.sql.types.MetadataBuilder;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

/**
 * The input of a session-window aggregation: each child row with its own session
 * {@code [t, t + gap)} appended as {@code session_window}; rows with a null time are dropped. The
 * column inherits the time column's metadata (so a watermark bounds the session's end) and
 * carries {@link #SESSION_KEY}, which tells the executor to merge overlapping sessions.
 */
public final class SessionWindowExpand extends UnaryNode {
    private static final long serialVersionUID = 1L;
    public static final String COLUMN = "session_window";
    /** Spark's metadata key marking a session window column. */
    public static final String SESSION_KEY = "spark.sessionWindow";
    private final SessionWindow window;
    private final int timeOrdinal;
    private final StructType schema;

    public SessionWindowExpand(SessionWindow window, int timeOrdinal, LogicalPlan child) {
        super(child);
        this.window = window;
        this.timeOrdinal = timeOrdinal;
        StructField time = child.schema().apply(timeOrdinal);
        this.schema = child.schema().add(new StructField(COLUMN, TimeWindow.WINDOW_TYPE, true,
                new MetadataBuilder().withMetadata(time.metadata()).putLong(SESSION_KEY, Math.max(0, window.gapMicros())).build()));
    }

    public SessionWindow window() {
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
        return "SessionWindowExpand";
    }

    @Override
    protected String argString() {
        return window.sql() + " AS " + COLUMN;
    }

    @Override
    public SessionWindowExpand withNewChild(LogicalPlan child) {
        return new SessionWindowExpand(window, timeOrdinal, child);
    }
}
