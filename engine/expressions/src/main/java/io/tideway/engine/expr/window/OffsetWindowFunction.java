package io.tideway.engine.expr.window;

import io.tideway.engine.expr.Expression;
import io.tideway.sql.types.DataType;

import java.util.List;
import java.util.function.Function;

/**
 * {@code lag(input, offset, default[, ignoreNulls])} and {@code lead(...)}: the input's value
 * {@code offset} rows before (lag) or after (lead) the current row in its partition, counting only
 * rows where it is not null with {@code ignoreNulls}; {@code default}, evaluated on the current
 * row, when there is no such row. A null found at the offset is the result, as Spark's. Immutable.
 */
public final class OffsetWindowFunction extends WindowFunction {
    private static final long serialVersionUID = 1L;
    private final boolean lead;
    private final Expression input;
    private final int offset;
    private final Expression defaultValue;
    private final boolean ignoreNulls;

    public OffsetWindowFunction(boolean lead, Expression input, int offset, Expression defaultValue, boolean ignoreNulls) {
        this.lead = lead;
        this.input = input;
        this.offset = offset;
        this.defaultValue = defaultValue;
        this.ignoreNulls = ignoreNulls;
    }

    public Expression input() {
        return input;
    }

    public Expression defaultValue() {
        return defaultValue;
    }

    public boolean ignoreNulls() {
        return ignoreNulls;
    }

    /** This function counting only rows whose input is not null, as SQL's {@code IGNORE NULLS} asks. */
    public OffsetWindowFunction ignoringNulls() {
        return new OffsetWindowFunction(lead, input, offset, defaultValue, true);
    }

    /** The signed distance to the row read: negative for lag. */
    public int signedOffset() {
        return lead ? offset : -offset;
    }

    private String name() {
        return lead ? "lead" : "lag";
    }

    /** Spark's frame for the function: the one row at the offset, {@code ROWS BETWEEN -1 FOLLOWING AND -1 FOLLOWING}. */
    @Override
    public WindowFrame requiredFrame() {
        FrameBound at = new FrameBound(FrameBound.Kind.OFFSET, signedOffset(), false, false, null);
        return new WindowFrame(true, at, at);
    }

    @Override
    public String columnText(Function<Expression, String> text) {
        return name() + "(" + text.apply(input) + ", " + offset + ", " + text.apply(defaultValue) + ", " + ignoreNulls + ")";
    }

    @Override
    public String errorText() {
        return sql();
    }

    @Override
    public List<Expression> children() {
        return List.of(input, defaultValue);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new OffsetWindowFunction(lead, c.get(0), offset, c.get(1), ignoreNulls);
    }

    @Override
    public String sql() {
        return name() + "(" + input.sql() + ", " + offset + ", " + defaultValue.sql() + ")";
    }

    @Override
    public DataType dataType() {
        return input.dataType();
    }

    @Override
    public boolean nullable() {
        return true;
    }
}
