package io.tideway.engine.expr.window;

import java.io.Serializable;

/**
 * A window frame: {@code ROWS} (physical offsets) or {@code RANGE} (peers and value offsets of the
 * one ORDER BY key) between two bounds. Immutable.
 */
public record WindowFrame(boolean rows, FrameBound lower, FrameBound upper) implements Serializable {
    /** {@code ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW}: the ranking functions' frame. */
    public static final WindowFrame ROWS_TO_CURRENT = new WindowFrame(true, FrameBound.UNBOUNDED_PRECEDING, FrameBound.CURRENT_ROW);
    /** {@code RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW}: the default frame with an ORDER BY. */
    public static final WindowFrame RANGE_TO_CURRENT = new WindowFrame(false, FrameBound.UNBOUNDED_PRECEDING, FrameBound.CURRENT_ROW);
    /** {@code ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING}: the default frame without one. */
    public static final WindowFrame WHOLE_PARTITION = new WindowFrame(true, FrameBound.UNBOUNDED_PRECEDING,
            FrameBound.UNBOUNDED_FOLLOWING);

    /** Spark's default frame for an aggregate or {@code nth_value}: up to the current row's peers with an ORDER BY, else all. */
    public static WindowFrame defaultFor(boolean ordered) {
        return ordered ? RANGE_TO_CURRENT : WHOLE_PARTITION;
    }

    /** As Spark names a resolved frame: {@code ROWS BETWEEN 1 PRECEDING AND CURRENT ROW}. */
    public String sql() {
        return (rows ? "ROWS" : "RANGE") + " BETWEEN " + lower.sql() + " AND " + upper.sql();
    }

    /** As Spark 4's {@code Column.toString} prints it: {@code ROWS BETWEEN -1 AND 1}. */
    public String columnText() {
        return (rows ? "ROWS" : "RANGE") + " BETWEEN " + lower.columnText() + " AND " + upper.columnText();
    }

    /** As Spark's legacy frame errors print it: {@code specifiedwindowframe(RowFrame, -1, 1)}. */
    public String legacyText() {
        return "specifiedwindowframe(" + (rows ? "RowFrame" : "RangeFrame") + ", " + lower.legacyText() + ", "
                + upper.legacyText() + ")";
    }

    /** Whether either bound is a value offset of a RANGE frame (which needs one numeric ORDER BY key). */
    public boolean valueRange() {
        return !rows && (lower.kind() == FrameBound.Kind.OFFSET || upper.kind() == FrameBound.Kind.OFFSET);
    }

    /** The bound with a value offset (the lower one if both have), or null. */
    public FrameBound valueBound() {
        return lower.kind() == FrameBound.Kind.OFFSET ? lower : upper.kind() == FrameBound.Kind.OFFSET ? upper : null;
    }

    /** Whether the frame's lower bound is not after its upper bound. */
    public boolean ordered() {
        return lower.kind() != FrameBound.Kind.UNBOUNDED_FOLLOWING && upper.kind() != FrameBound.Kind.UNBOUNDED_PRECEDING
                && lower.position() <= upper.position();
    }
}
