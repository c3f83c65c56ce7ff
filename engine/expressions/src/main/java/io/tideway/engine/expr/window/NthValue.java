package io.tideway.engine.expr.window;

import io.tideway.engine.expr.Expression;
import io.tideway.sql.types.DataType;

import java.util.List;
import java.util.function.Function;

/**
 * {@code nth_value(input, n[, ignoreNulls])}: the input's value at the n-th row of the frame
 * (the n-th not null one with {@code ignoreNulls}), null when the frame is shorter. It takes the
 * window's frame, so needs no ORDER BY. Immutable.
 */
public final class NthValue extends WindowFunction {
    private static final long serialVersionUID = 1L;
    private final Expression input;
    private final int n;
    private final boolean ignoreNulls;

    public NthValue(Expression input, int n, boolean ignoreNulls) {
        this.input = input;
        this.n = n;
        this.ignoreNulls = ignoreNulls;
    }

    public Expression input() {
        return input;
    }

    public int n() {
        return n;
    }

    public boolean ignoreNulls() {
        return ignoreNulls;
    }

    /** This function counting only values that are not null, as SQL's {@code IGNORE NULLS} asks. */
    public NthValue ignoringNulls() {
        return new NthValue(input, n, true);
    }

    @Override
    public WindowFrame requiredFrame() {
        return null;
    }

    @Override
    public boolean requiresOrder() {
        return false;
    }

    @Override
    public String columnText(Function<Expression, String> text) {
        return "nth_value(" + text.apply(input) + ", " + n + ", " + ignoreNulls + ")";
    }

    @Override
    public List<Expression> children() {
        return List.of(input);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new NthValue(c.get(0), n, ignoreNulls);
    }

    @Override
    public String sql() {
        return "nth_value(" + input.sql() + ", " + n + ")" + (ignoreNulls ? " ignore nulls" : "");
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
