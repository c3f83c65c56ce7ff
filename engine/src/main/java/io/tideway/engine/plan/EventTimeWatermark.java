package io.tideway.engine.plan;

import io.tideway.sql.types.MetadataBuilder;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

/**
 * {@code withWatermark(eventTime, delay)}: passes rows through unchanged while the executor
 * collects the max event time it sees; the column carries {@link #DELAY_KEY} in its metadata so
 * that stateful operators above know which column (or window over it) the watermark bounds.
 */
public final class EventTimeWatermark extends UnaryNode {
    private static final long serialVersionUID = 1L;
    /** Spark's metadata key, {@code EventTimeWatermark.delayKey}. */
    public static final String DELAY_KEY = "spark.watermarkDelayMs";
    private final int eventTimeOrdinal;
    private final long delayMs;
    private final StructType schema;

    public EventTimeWatermark(int eventTimeOrdinal, long delayMs, LogicalPlan child) {
        super(child);
        this.eventTimeOrdinal = eventTimeOrdinal;
        this.delayMs = delayMs;
        StructType in = child.schema();
        StructField[] fields = new StructField[in.length()];
        for (int i = 0; i < fields.length; i++) {
            StructField f = in.apply(i);
            MetadataBuilder m = new MetadataBuilder().withMetadata(f.metadata());
            if (i == eventTimeOrdinal) {
                m.putLong(DELAY_KEY, delayMs);
            } else {
                m.remove(DELAY_KEY); // Spark keeps one watermark column per node
            }
            fields[i] = new StructField(f.name(), f.dataType(), f.nullable(), m.build());
        }
        this.schema = new StructType(fields);
    }

    public int eventTimeOrdinal() {
        return eventTimeOrdinal;
    }

    public long delayMs() {
        return delayMs;
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public String nodeName() {
        return "EventTimeWatermark";
    }

    @Override
    protected String argString() {
        return schema.apply(eventTimeOrdinal).name() + ": " + delayMs + " milliseconds";
    }

    @Override
    public EventTimeWatermark withNewChild(LogicalPlan child) {
        return new EventTimeWatermark(eventTimeOrdinal, delayMs, child);
    }
}
