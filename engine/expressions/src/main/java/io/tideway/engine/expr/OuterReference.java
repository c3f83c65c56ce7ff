package io.tideway.engine.expr;

import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.Objects;

/**
 * {@code col("t.k").outer()}: a column of the outer Dataset read inside the Dataset a
 * {@code lateralJoin} joins to it, as Spark's {@code OuterReference}. It stays unresolved (a leaf,
 * typed {@code void} until then, so a comparison casts it to its other side's type) while the
 * inner Dataset is built; the lateral join binds it to the outer row's column. Immutable.
 */
public final class OuterReference extends LeafExpression {
    private static final long serialVersionUID = 1L;
    private final Expression column;

    public OuterReference(Expression column) {
        this.column = Objects.requireNonNull(column, "column");
    }

    /** The outer column as written ({@code col("t.k")}), to resolve against the outer Dataset. */
    public Expression column() {
        return column;
    }

    @Override
    public String sql() {
        return "outer(" + column.sql() + ")";
    }

    @Override
    public DataType dataType() {
        return DataTypes.NullType;
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        throw new IllegalStateException(sql() + " is evaluated outside a lateral join");
    }
}
