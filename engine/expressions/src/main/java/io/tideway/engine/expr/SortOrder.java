package io.tideway.engine.expr;

import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;

import java.util.List;

/**
 * A sort key, as {@code Column.desc()} and friends build it: the expression to sort by, its
 * direction and where nulls go (Spark's defaults: nulls first ascending, last descending). Only
 * meaningful as an argument of {@code orderBy}/{@code sort}; it has no value of its own. Immutable.
 */
public final class SortOrder extends Expression {
    private static final long serialVersionUID = 1L;
    private final Expression child;
    private final boolean descending;
    private final boolean nullsFirst;

    public SortOrder(Expression child, boolean descending, boolean nullsFirst) {
        this.child = child;
        this.descending = descending;
        this.nullsFirst = nullsFirst;
    }

    /** {@code child} in Spark's default order for the direction. */
    public static SortOrder of(Expression child, boolean descending) {
        return new SortOrder(child, descending, !descending);
    }

    public Expression child() {
        return child;
    }

    public boolean descending() {
        return descending;
    }

    public boolean nullsFirst() {
        return nullsFirst;
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new SortOrder(c.get(0), descending, nullsFirst);
    }

    /** Spark's form, e.g. {@code v DESC NULLS LAST}. */
    @Override
    public String sql() {
        return child.sql() + (descending ? " DESC" : " ASC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        throw Unchecked.raise(new AnalysisException("A sort order (" + sql() + ") can only be used to sort: "
                + "orderBy or sort"));
    }
}
