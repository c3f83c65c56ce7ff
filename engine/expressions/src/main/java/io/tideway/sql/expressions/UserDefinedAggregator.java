package io.tideway.sql.expressions;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.agg.TypedAggregate;
import io.tideway.sql.Column;
import io.tideway.sql.Encoder;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code functions.udaf(aggregator, inputEncoder)}: an {@link Aggregator} applied to columns in
 * untyped aggregations, its input objects read from the columns given (one per column of the
 * input encoder, by position). Immutable.
 */
public final class UserDefinedAggregator extends UserDefinedFunction {
    private final Aggregator<?, ?, ?> aggregator;
    private final Encoder<?> inputEncoder;
    private final String name;
    private final boolean nullable;
    private final boolean deterministic;

    UserDefinedAggregator(Aggregator<?, ?, ?> aggregator, Encoder<?> inputEncoder, String name, boolean nullable,
                          boolean deterministic) {
        this.aggregator = aggregator;
        this.inputEncoder = inputEncoder;
        this.name = name;
        this.nullable = nullable;
        this.deterministic = deterministic;
    }

    @Override
    public String name() {
        return name != null ? name : aggregator.name();
    }

    @Override
    public Column apply(Column... exprs) {
        List<Expression> inputs = new ArrayList<>(exprs.length);
        for (Column c : exprs) {
            inputs.add(c.expr());
        }
        // Spark names the column after the class in lower case unless withName gave a name
        String columnName = name != null ? name : aggregator.name().toLowerCase(java.util.Locale.ROOT);
        return new Column(TypedAggregate.udaf(aggregator, inputEncoder, inputs, columnName));
    }

    @Override
    public boolean nullable() {
        return nullable;
    }

    @Override
    public boolean deterministic() {
        return deterministic;
    }

    @Override
    public UserDefinedFunction withName(String newName) {
        return new UserDefinedAggregator(aggregator, inputEncoder, newName, nullable, deterministic);
    }

    @Override
    public UserDefinedFunction asNonNullable() {
        return new UserDefinedAggregator(aggregator, inputEncoder, name, false, deterministic);
    }

    @Override
    public UserDefinedFunction asNondeterministic() {
        return new UserDefinedAggregator(aggregator, inputEncoder, name, nullable, false);
    }

    /** The function {@code functions.udaf} returns. */
    public static UserDefinedFunction of(Aggregator<?, ?, ?> aggregator, Encoder<?> inputEncoder) {
        return new UserDefinedAggregator(aggregator, inputEncoder, null, true, true);
    }
}
