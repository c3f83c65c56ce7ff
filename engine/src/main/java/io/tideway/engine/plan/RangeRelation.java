package io.tideway.engine.plan;

import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.List;

/**
 * {@code spark.range(...)}: the numbers {@code start, start + step, ...} before {@code end}, as a
 * static relation with one non-null {@code bigint} column {@code id}. The numbers are generated
 * when an action runs, never held as a whole. Immutable.
 */
public final class RangeRelation extends LogicalPlan {
    private static final long serialVersionUID = 1L;
    private static final StructType SCHEMA = new StructType().add("id", DataTypes.LongType, false);
    private final long start;
    private final long end;
    private final long step;

    public RangeRelation(long start, long end, long step) {
        if (step == 0) {
            throw new IllegalArgumentException("requirement failed: step (0) cannot be 0");
        }
        this.start = start;
        this.end = end;
        this.step = step;
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public long step() {
        return step;
    }

    /** Whether {@code v} (reached from start by whole steps) is still before the end. */
    public boolean inRange(long v) {
        return step > 0 ? v < end : v > end;
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of();
    }

    @Override
    public LogicalPlan copy(List<LogicalPlan> children) {
        return new RangeRelation(start, end, step);
    }

    @Override
    public StructType schema() {
        return SCHEMA;
    }

    @Override
    public String nodeName() {
        return "Range";
    }

    @Override
    protected String argString() {
        return "(" + start + ", " + end + ", step=" + step + ", splits=None)";
    }
}
