package io.tideway.sql.expressions;

import io.tideway.sql.Column;

/**
 * A user-defined function applied to columns, mirroring Spark's {@code UserDefinedFunction}; made
 * by {@code functions.udaf} for an {@link Aggregator}. Immutable: the {@code with}/{@code as}
 * methods return a new function.
 */
public abstract class UserDefinedFunction {
    /** The function's name: the one {@link #withName} gave, else the aggregator's class name. */
    public abstract String name();

    /** The column of this function over {@code exprs}. */
    public abstract Column apply(Column... exprs);

    /** As {@link #apply(Column...)}, Spark's Scala {@code Seq} form. */
    public Column apply(scala.collection.immutable.Seq<Column> exprs) {
        return apply(scala.jdk.javaapi.CollectionConverters.asJava(exprs).toArray(new Column[0]));
    }

    /**
     * Whether the function's result may be null: true unless {@link #asNonNullable()} made this
     * copy.
     */
    public abstract boolean nullable();

    /**
     * Whether the function returns the same result for the same input: true unless
     * {@link #asNondeterministic()} made this copy.
     */
    public abstract boolean deterministic();

    /** A copy of this function named {@code name}, the name its result column takes. */
    public abstract UserDefinedFunction withName(String name);

    /** A copy of this function declared never to return null. */
    public abstract UserDefinedFunction asNonNullable();

    /** A copy of this function declared nondeterministic. */
    public abstract UserDefinedFunction asNondeterministic();
}
