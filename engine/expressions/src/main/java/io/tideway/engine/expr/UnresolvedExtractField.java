package io.tideway.engine.expr;

import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;

import java.util.List;

/** {@code col.getField(name)} before its child is bound; {@code Resolver} turns it into {@link GetStructField}. */
public final class UnresolvedExtractField extends Expression {
    private static final long serialVersionUID = 1L;
    private final Expression child;
    private final String field;

    public UnresolvedExtractField(Expression child, String field) {
        this.child = child;
        this.field = field;
    }

    public Expression child() {
        return child;
    }

    public String field() {
        return field;
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new UnresolvedExtractField(c.get(0), field);
    }

    @Override
    public String sql() {
        return child.sql() + "." + field;
    }

    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public DataType dataType() {
        throw Unchecked.raise(new AnalysisException("Invalid call to dataType on unresolved object " + sql()));
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        throw new IllegalStateException("unresolved field " + sql());
    }
}
