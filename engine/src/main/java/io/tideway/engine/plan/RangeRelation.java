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
    /** How many partitions Spark's range would have: aggregates fold each slice on its own, then merge. */
    private final int slices;

    public RangeRelation(long start, long end, long step) {
        this(start, end, step, 1);
    }

    public RangeRelation(long start, long end, long step, int slices) {
        if (step == 0) {
            throw new IllegalArgumentException("requirement failed: step (0) cannot be 0");
        }
        if (slices < 1) {
            throw new IllegalArgumentException("requirement failed: numPartitions (" + slices + ") must be positive");
        }
        this.start = start;
        this.end = end;
        this.step = step;
        this.slices = slices;
    }

    public int slices() {
        return slices;
    }

    /**
     * Slice {@code i} of {@link #slices()} as a range of its own, cut where Spark's {@code RangeExec}
     * cuts its partitions: elements {@code i * n / slices} to {@code (i + 1) * n / slices} of the {@code n}.
     */
    public RangeRelation slice(int i) {
        java.math.BigInteger n = elements();
        java.math.BigInteger k = java.math.BigInteger.valueOf(slices);
        java.math.BigInteger from = n.multiply(java.math.BigInteger.valueOf(i)).divide(k);
        java.math.BigInteger to = n.multiply(java.math.BigInteger.valueOf(i + 1L)).divide(k);
        java.math.BigInteger s = java.math.BigInteger.valueOf(step);
        java.math.BigInteger first = java.math.BigInteger.valueOf(start);
        return new RangeRelation(first.add(from.multiply(s)).longValueExact(), clamp(first.add(to.multiply(s))), step, 1);
    }

    /** How many numbers the range holds. */
    private java.math.BigInteger elements() {
        java.math.BigInteger span = java.math.BigInteger.valueOf(end).subtract(java.math.BigInteger.valueOf(start));
        java.math.BigInteger s = java.math.BigInteger.valueOf(step);
        if (span.signum() != 0 && span.signum() != s.signum()) {
            return java.math.BigInteger.ZERO;
        }
        java.math.BigInteger[] qr = span.divideAndRemainder(s);
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(java.math.BigInteger.ONE);
    }

    /** An end past the long range stands for the range's own end (no number lies beyond it anyway). */
    private long clamp(java.math.BigInteger v) {
        return v.bitLength() < 64 ? v.longValue() : end;
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
        return new RangeRelation(start, end, step, slices);
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
