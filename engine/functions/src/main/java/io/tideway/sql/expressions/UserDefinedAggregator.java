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

    UserDefinedAggregator(Aggregator<?, ?, ?> aggregator, Encoder<?> inputEncoder, String name, boolean nullable,
                          boolean deterministic) {
        super(name, nullable, deterministic);
        this.aggregator = aggregator;
        this.inputEncoder = inputEncoder;
    }

    @Override
    public String name() {
        return givenName != null ? givenName : aggregator.name();
    }

    @Override
    public Column apply(Column... exprs) {
        List<Expression> inputs = new ArrayList<>(exprs.length);
        for (Column c : exprs) {
            inputs.add(c.expr());
        }
        // Spark names the column after the class in lower case unless withName gave a name
        String columnName = givenName != null ? givenName : aggregator.name().toLowerCase(java.util.Locale.ROOT);
        return new Column(TypedAggregate.udaf(aggregator, inputEncoder, inputs, columnName));
    }

    @Override
    UserDefinedFunction copy(String givenName, boolean nullable, boolean deterministic) {
        return new UserDefinedAggregator(aggregator, inputEncoder, givenName, nullable, deterministic);
    }

    /** The function {@code functions.udaf} returns. */
    public static UserDefinedFunction of(Aggregator<?, ?, ?> aggregator, Encoder<?> inputEncoder) {
        return new UserDefinedAggregator(aggregator, inputEncoder, null, true, true);
    }
}
