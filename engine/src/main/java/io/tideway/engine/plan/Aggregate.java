package io.tideway.engine.plan;

import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.Expression;
import io.tideway.sql.types.StructType;

import java.util.List;

/**
 * {@code groupBy(...).agg(...)}: resolved grouping expressions and output expressions, each of
 * which is a grouping expression or an aggregate function (possibly aliased).
 */
public final class Aggregate extends UnaryNode {
    private static final long serialVersionUID = 1L;
    private final List<Expression> grouping;
    private final List<Expression> outputs;
    private final StructType schema;

    public Aggregate(List<Expression> grouping, List<Expression> outputs, LogicalPlan child) {
        super(child);
        this.grouping = List.copyOf(grouping);
        this.outputs = List.copyOf(outputs);
        this.schema = NamedExpressions.schemaOf(outputs);
    }

    public List<Expression> grouping() {
        return grouping;
    }

    public List<Expression> outputs() {
        return outputs;
    }


    /** The aggregate function behind an output, or null when the output is a grouping column. */
    public static AggregateFunction aggregateOf(Expression output) {
        Expression e = output instanceof Alias a ? a.child() : output;
        return e instanceof AggregateFunction f ? f : null;
    }


    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public String nodeName() {
        return "Aggregate";
    }

    @Override
    protected String argString() {
        return NamedExpressions.listString(grouping) + ", " + NamedExpressions.listString(outputs);
    }

    @Override
    public Aggregate withNewChild(LogicalPlan child) {
        return new Aggregate(grouping, outputs, child);
    }
}
