package io.tideway.sql;

import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.Expression;

/**
 * A column whose values are read as objects of its encoder's type, mirroring Spark's
 * {@code TypedColumn}: what {@link Column#as(Encoder)} and {@code Aggregator.toColumn()} make, for
 * {@code Dataset.select} and {@code KeyValueGroupedDataset.agg}, which read each typed column's
 * values into the tuples they return. Immutable.
 *
 * @param <T> the type of the objects the column is computed from (an {@code Aggregator}'s input;
 *            {@code Object} for a column typed with {@code as(Encoder)})
 * @param <U> the type of the column's values
 */
public class TypedColumn<T, U> extends Column {
    private static final long serialVersionUID = 1L;
    private final Encoder<U> encoder;

    /**
     * A column of {@code expr} whose values are read with {@code encoder} (engine-internal;
     * applications make typed columns with {@code Column.as(Encoder)} or
     * {@code Aggregator.toColumn()}).
     */
    public TypedColumn(Expression expr, Encoder<U> encoder) {
        super(expr);
        this.encoder = encoder;
    }

    /** The encoder of the column's values. */
    public Encoder<U> encoder() {
        return encoder;
    }

    /** The same typed column under another name. */
    @Override
    public TypedColumn<T, U> name(String alias) {
        Expression e = expr();
        return new TypedColumn<>(new Alias(e instanceof Alias a ? a.child() : e, alias), encoder);
    }
}
