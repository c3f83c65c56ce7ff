package io.tideway.engine.expr;

import io.tideway.sql.types.DataType;

import java.util.List;

/**
 * Names the several columns of a generator ({@code posexplode(a).as(new String[] {"p", "v"})},
 * SQL {@code posexplode(a) AS (p, v)}), as Spark's {@code MultiAlias}; the planner checks the
 * count against the generator's columns.
 */
public final class MultiAlias extends Expression {
    private static final long serialVersionUID = 1L;
    private final Expression child;
    private final List<String> names;

    public MultiAlias(Expression child, List<String> names) {
        this.child = child;
        this.names = List.copyOf(names);
    }

    public Expression child() {
        return child;
    }

    public List<String> names() {
        return names;
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new MultiAlias(children.get(0), names);
    }

    @Override
    public String sql() {
        return child.sql() + " AS (" + String.join(", ", names) + ")";
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public boolean resolved() {
        return false; // only a generator's columns take several names
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        throw new IllegalStateException("a multi-alias names a generator's columns");
    }
}
