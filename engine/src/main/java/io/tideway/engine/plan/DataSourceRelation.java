package io.tideway.engine.plan;

import io.tideway.engine.spi.BatchScan;
import io.tideway.sql.types.StructType;

import java.util.List;

/**
 * A data source read as a batch ({@code spark.read()...load()}): the scan fixed at {@code load()}
 * (a file source's files), read each time an action runs. A static leaf, so it joins with streams
 * as the static side. Immutable; the scan is not serialized with the plan.
 */
public final class DataSourceRelation extends LogicalPlan {
    private static final long serialVersionUID = 1L;
    private final transient BatchScan scan;
    private final String format;

    public DataSourceRelation(BatchScan scan, String format) {
        this.scan = scan;
        this.format = format;
    }

    public BatchScan scan() {
        return scan;
    }

    public String format() {
        return format;
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of();
    }

    @Override
    public StructType schema() {
        return scan.schema();
    }

    @Override
    public String nodeName() {
        return "Relation";
    }

    /** Spark's {@code Relation [a#1,b#2] json}, without expression ids. */
    @Override
    protected String argString() {
        return "[" + String.join(",", scan.schema().fieldNames()) + "] " + format;
    }

    @Override
    public DataSourceRelation copy(List<LogicalPlan> children) {
        return new DataSourceRelation(scan, format);
    }
}
