package io.tideway.sql.expressions;

import io.tideway.sql.Column;

/**
 * A user-defined function applied to columns, mirroring Spark's {@code UserDefinedFunction}; made
 * by {@code functions.udaf} for an {@link Aggregator}. Immutable: the {@code with}/{@code as}
 * methods return a new function.
 */
public abstract class UserDefinedFunction {
    /** The name {@link #withName} gave, or null. */
    final String givenName;
    private final boolean nullable;
    private final boolean deterministic;

    UserDefinedFunction(String givenName, boolean nullable, boolean deterministic) {
        this.givenName = givenName;
        this.nullable = nullable;
        this.deterministic = deterministic;
    }

    /** This function with other settings: what the {@code with}/{@code as} methods return. */
    abstract UserDefinedFunction copy(String givenName, boolean nullable, boolean deterministic);

    /** The function's name: the one {@link #withName} gave, else the function's own (see each kind). */
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
    public final boolean nullable() {
        return nullable;
    }

    /**
     * Whether the function returns the same result for the same input: true unless
     * {@link #asNondeterministic()} made this copy.
     */
    public final boolean deterministic() {
        return deterministic;
    }

    /** A copy of this function named {@code name}, the name its result column takes. */
    public final UserDefinedFunction withName(String name) {
        return copy(name, nullable, deterministic);
    }

    /** A copy of this function declared never to return null. */
    public final UserDefinedFunction asNonNullable() {
        return copy(givenName, false, deterministic);
    }

    /** A copy of this function declared nondeterministic. */
    public final UserDefinedFunction asNondeterministic() {
        return copy(givenName, nullable, false);
    }
}
