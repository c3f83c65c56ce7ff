package io.tideway.engine.expr.window;

import java.io.Serializable;

/**
 * One end of a window frame: {@code UNBOUNDED PRECEDING}, {@code CURRENT ROW},
 * {@code UNBOUNDED FOLLOWING}, or an offset from the current row (ROWS) or from its ORDER BY value
 * (RANGE), negative before it. Immutable.
 *
 * @param kind        which of the four
 * @param offset      the signed offset of an {@link Kind#OFFSET} bound
 * @param preceding   whether SQL text wrote the offset as {@code n PRECEDING}, which Spark names so
 *                    (the Java API's negative offsets it names {@code -n FOLLOWING})
 * @param longLiteral whether the offset was given as a long ({@code rangeBetween}), which
 *                    {@code Column.toString} prints as {@code -2L}
 * @param interval    for a day-time interval offset of a RANGE frame over dates or timestamps, the
 *                    interval as SQL prints it ({@code INTERVAL '01' HOUR}), the offset then in
 *                    microseconds; else null
 */
public record FrameBound(Kind kind, long offset, boolean preceding, boolean longLiteral, String interval)
        implements Serializable {
    /** The kinds of bound, in frame order. */
    public enum Kind { UNBOUNDED_PRECEDING, OFFSET, CURRENT_ROW, UNBOUNDED_FOLLOWING }

    public static final FrameBound UNBOUNDED_PRECEDING = new FrameBound(Kind.UNBOUNDED_PRECEDING, 0, false, false, null);
    public static final FrameBound CURRENT_ROW = new FrameBound(Kind.CURRENT_ROW, 0, false, false, null);
    public static final FrameBound UNBOUNDED_FOLLOWING = new FrameBound(Kind.UNBOUNDED_FOLLOWING, 0, false, false, null);

    /** A bound of the Java API's {@code rowsBetween}/{@code rangeBetween}: {@code Window.unboundedPreceding()} and friends, or an offset. */
    public static FrameBound ofApi(long value, boolean rangeFrame) {
        if (value == Long.MIN_VALUE) {
            return UNBOUNDED_PRECEDING;
        }
        if (value == Long.MAX_VALUE) {
            return UNBOUNDED_FOLLOWING;
        }
        return value == 0 ? CURRENT_ROW : new FrameBound(Kind.OFFSET, value, false, rangeFrame, null);
    }

    /** An offset written in SQL text, {@code n PRECEDING} or {@code n FOLLOWING}. */
    public static FrameBound ofSql(long n, boolean preceding) {
        return new FrameBound(Kind.OFFSET, preceding ? -n : n, preceding, false, null);
    }

    /** A day-time interval written in SQL text, {@code INTERVAL 1 HOUR PRECEDING}: {@code micros} and its SQL. */
    public static FrameBound ofInterval(long micros, String sql, boolean preceding) {
        return new FrameBound(Kind.OFFSET, preceding ? -micros : micros, preceding, false, sql);
    }

    /** As Spark names a resolved frame's bound ({@code 1 PRECEDING}, {@code -1 FOLLOWING}). */
    public String sql() {
        return switch (kind) {
            case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
            case CURRENT_ROW -> "CURRENT ROW";
            case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
            case OFFSET -> interval != null ? interval + (preceding ? " PRECEDING" : " FOLLOWING")
                    : preceding ? -offset + " PRECEDING" : offset + " FOLLOWING";
        };
    }

    /** As Spark 4's {@code Column.toString} prints an unresolved bound ({@code -1}, {@code -2L}). */
    public String columnText() {
        return kind == Kind.OFFSET ? offset + (longLiteral ? "L" : "") : sql();
    }

    /** As Spark's legacy frame errors print a bound ({@code unboundedpreceding$()}, {@code -1}). */
    String legacyText() {
        return switch (kind) {
            case UNBOUNDED_PRECEDING -> "unboundedpreceding$()";
            case CURRENT_ROW -> "currentrow$()";
            case UNBOUNDED_FOLLOWING -> "unboundedfollowing$()";
            case OFFSET -> String.valueOf(offset);
        };
    }

    /** This bound's place relative to the current row: unbounded ends far out, an offset as itself. */
    long position() {
        return switch (kind) {
            case UNBOUNDED_PRECEDING -> Long.MIN_VALUE;
            case UNBOUNDED_FOLLOWING -> Long.MAX_VALUE;
            case CURRENT_ROW -> 0;
            case OFFSET -> offset;
        };
    }
}
