package io.tideway.engine.plan;

import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Comparison;
import io.tideway.engine.expr.Expression;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;


/**
 * When a buffered row of a stream-stream join can no longer match (Spark's state value
 * watermark), derived from time-range conditions between the sides' event-time columns, such as
 * the guide's {@code clickTime >= impressionTime AND clickTime <= impressionTime + interval 1 hour}.
 * Each conjunct is read as {@code L - R >= c} or {@code L - R <= c} (L, R: timestamp columns of
 * the left and right side, c: constant intervals). Future rows of a side are above the watermark
 * W, so {@code L - R >= c} makes a left row useless once {@code L <= W + c}, and
 * {@code L - R <= c} makes a right row useless once {@code R <= W - c}. As in Spark's
 * {@code getStateValueWatermark}, a range bounds a side's rows when the other side's column has a
 * watermark ({@link #rangeBoundsLeft()}: what lets {@code start()} accept an outer join); as in
 * its {@code getStateWatermarkPredicates}, rows are evicted only when their own side has a
 * watermark too ({@link #bindsLeft()}). For {@code >=} and
 * {@code <=} Spark's {@code StreamingSymmetricHashJoinHelper} keeps rows one millisecond longer
 * (it subtracts 1 from the millisecond bound), so a row exactly at the bound stays in state; so
 * does Tideway, for the state counts it reports to match Spark's. Immutable.
 */
public final class JoinStateBounds {
    /** What Spark subtracts from the bound of a non-strict condition: one millisecond, in micros. */
    private static final long NON_STRICT_MARGIN_MICROS = 1000L;
    /** Ordinal of the event-time column in each side's rows, or -1 when that side has no bound. */
    public final int leftTimeOrdinal;
    public final int rightTimeOrdinal;
    /** Evict a left row when its time is at or below watermark + this (micros). */
    public final long leftOffsetMicros;
    /** Evict a right row when its time is at or below watermark + this (micros). */
    public final long rightOffsetMicros;

    /** Whether a range condition and the other side's watermark bound each side's rows. */
    private final boolean leftRange;
    private final boolean rightRange;

    private JoinStateBounds(Join join, int leftTimeOrdinal, long leftOffsetMicros, int rightTimeOrdinal, long rightOffsetMicros) {
        this.leftRange = leftTimeOrdinal >= 0;
        this.rightRange = rightTimeOrdinal >= 0;
        this.leftTimeOrdinal = hasWatermark(join.left()) ? leftTimeOrdinal : -1;
        this.leftOffsetMicros = leftOffsetMicros;
        this.rightTimeOrdinal = hasWatermark(join.right()) ? rightTimeOrdinal : -1;
        this.rightOffsetMicros = rightOffsetMicros;
    }

    private static boolean hasWatermark(LogicalPlan side) {
        StructType s = side.schema();
        for (int i = 0; i < s.length(); i++) {
            if (s.apply(i).metadata().contains(EventTimeWatermark.DELAY_KEY)) {
                return true;
            }
        }
        return false;
    }

    /** Whether left rows are evicted from state (and, in an outer join, emitted null-padded) by the watermark. */
    public boolean bindsLeft() {
        return leftTimeOrdinal >= 0;
    }

    public boolean bindsRight() {
        return rightTimeOrdinal >= 0;
    }

    /** Spark's {@code getStateValueWatermark(left, right, ...).isDefined}: a range bounds left rows by the right's watermark. */
    public boolean rangeBoundsLeft() {
        return leftRange;
    }

    public boolean rangeBoundsRight() {
        return rightRange;
    }

    public static JoinStateBounds of(Join join) {
        int leftWidth = join.left().schema().length();
        int leftOrdinal = -1;
        int rightOrdinal = -1;
        long leftOffset = Long.MIN_VALUE;
        long rightOffset = Long.MIN_VALUE;
        for (Expression c : JoinPlanner.conjuncts(join.residual())) {
            if (!(c instanceof Comparison cmp) || cmp.op() == Comparison.Op.EQ || cmp.op() == Comparison.Op.NE) {
                continue;
            }
            Term x = Term.of(cmp.left());
            Term y = Term.of(cmp.right());
            if (x == null || y == null) {
                continue;
            }
            boolean greater = cmp.op() == Comparison.Op.GE || cmp.op() == Comparison.Op.GT;
            long margin = cmp.op() == Comparison.Op.GE || cmp.op() == Comparison.Op.LE ? NON_STRICT_MARGIN_MICROS : 0;
            Term l;
            Term r;
            long constant;
            if (x.ordinal < leftWidth && y.ordinal >= leftWidth) { // L + a op R + b  ->  L - R op b - a
                l = x;
                r = y;
                constant = y.offset - x.offset;
            } else if (x.ordinal >= leftWidth && y.ordinal < leftWidth) { // R + a op L + b  ->  L - R op' a - b
                l = y;
                r = x;
                constant = x.offset - y.offset;
                greater = !greater;
            } else {
                continue;
            }
            if (greater) { // L - R >= c: left rows expire at W + c
                if (r.watermarked && (leftOrdinal < 0 || leftOrdinal == l.ordinal)) {
                    leftOrdinal = l.ordinal;
                    leftOffset = Math.max(leftOffset, constant - margin);
                }
            } else { // L - R <= c: right rows expire at W - c
                if (l.watermarked && (rightOrdinal < 0 || rightOrdinal == r.ordinal - leftWidth)) {
                    rightOrdinal = r.ordinal - leftWidth;
                    rightOffset = Math.max(rightOffset, -constant - margin);
                }
            }
        }
        return new JoinStateBounds(join, leftOrdinal, leftOffset, rightOrdinal, rightOffset);
    }


    /** {@code column ± constant intervals}, the column a timestamp, {@code watermarked} when it is an event-time column. */
    private record Term(int ordinal, long offset, boolean watermarked) {
        static Term of(Expression e) {
            if (e instanceof BoundReference r && r.dataType() == DataTypes.TimestampType) {
                return new Term(r.ordinal(), 0, r.metadata().contains(EventTimeWatermark.DELAY_KEY));
            }
            io.tideway.engine.expr.fn.IntervalFunctions.Shift shift = io.tideway.engine.expr.fn.IntervalFunctions.shift(e);
            if (shift != null) {
                Term inner = of(shift.timestamp());
                return inner == null ? null : new Term(inner.ordinal, inner.offset + shift.micros(), inner.watermarked);
            }
            return null;
        }
    }
}
