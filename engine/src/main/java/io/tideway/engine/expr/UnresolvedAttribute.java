package io.tideway.engine.expr;

import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;

/** A column named by the user, not yet bound to an input schema; {@code *} selects all. */
public final class UnresolvedAttribute extends LeafExpression {
    private static final long serialVersionUID = 1L;
    private final String name;
    /** The plan of the Dataset whose {@code col(name)} made this, or null: tells a join's sides apart. */
    private final io.tideway.engine.plan.LogicalPlan origin;

    public UnresolvedAttribute(String name) {
        this(name, null);
    }

    public UnresolvedAttribute(String name, io.tideway.engine.plan.LogicalPlan origin) {
        this.name = name;
        this.origin = origin;
    }

    public io.tideway.engine.plan.LogicalPlan origin() {
        return origin;
    }

    public String name() {
        return name;
    }

    public boolean isStar() {
        return name.equals("*");
    }

    @Override
    public String sql() {
        return name;
    }

    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public DataType dataType() {
        throw Unchecked.raise(new AnalysisException("Invalid call to dataType on unresolved object " + name));
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        throw new IllegalStateException("unresolved column " + name);
    }
}
