package io.tideway.engine.plan;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Expression;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Column;
import io.tideway.sql.types.StructType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * {@code observe(name, metrics...)}: passes its child's rows on unchanged and aggregates the
 * metrics over them, as Spark's {@code CollectMetrics}. The metrics are a global aggregation over
 * the child ({@link #metrics()}: an {@link Aggregate}, or a {@code Project} over one when a metric
 * computes over aggregates), kept beside the plan rather than in it, so every rule that walks the
 * plan sees a pass-through node. Each task aggregates its rows; the run's results are merged per
 * {@link #key()} (a stream's trigger, a static Dataset's action) and read as one row.
 * Immutable; the key survives {@link #withNewChild} so that the node an executor rewrites is still
 * the one the user observed.
 */
public final class CollectMetrics extends UnaryNode {
    private static final long serialVersionUID = 1L;

    /** Identifies one {@code observe} call across the plan rewrites an executor makes. */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private final transient Consumer<io.tideway.sql.Row> observation;
        private final boolean streaming;

        Key(Consumer<io.tideway.sql.Row> observation, boolean streaming) {
            this.observation = observation;
            this.streaming = streaming;
        }

        /**
         * Whether anyone reads the metrics: a stream's progress does; a static Dataset's only through an
         * {@code Observation} (Spark also hands them to query execution listeners, which Tideway has not).
         */
        public boolean wanted() {
            return streaming || observation != null;
        }

        /** Where a static run's result goes (an {@code Observation}); null when none waits for it. */
        public Consumer<io.tideway.sql.Row> observation() {
            return observation;
        }
    }

    private final String name;
    private final LogicalPlan metrics;
    private final Key key;

    private CollectMetrics(String name, LogicalPlan metrics, Key key, LogicalPlan child) {
        super(child);
        this.name = name;
        this.metrics = metrics;
        this.key = key;
    }

    /**
     * Resolves {@code columns} over {@code child} as Spark checks observed metrics: each is an
     * aggregate or computed from aggregates, no column outside an aggregate, no aggregate inside
     * another. {@code observation} receives a static run's result (null for none).
     */
    public static CollectMetrics of(String name, List<Column> columns, LogicalPlan child,
                                    Consumer<io.tideway.sql.Row> observation) {
        for (Column c : columns) {
            Expression metric = Resolver.resolve(c.expr(), child);
            check(metric, metric, false);
        }
        return new CollectMetrics(name, AggregatePlanner.aggregate(List.of(), columns, child), new Key(observation, child.isStreaming()), child);
    }

    /** Spark's {@code checkMetric}: a failure names the whole metric as Spark names it, {@code expr AS `name`}. */
    private static void check(Expression metric, Expression e, boolean insideAggregate) {
        if (e instanceof AggregateFunction) {
            if (insideAggregate) {
                throw invalid("NESTED_AGGREGATES_UNSUPPORTED", metric);
            }
            for (Expression c : e.children()) {
                check(metric, c, true);
            }
            return;
        }
        if (!insideAggregate && e instanceof BoundReference) {
            throw invalid("NON_AGGREGATE_FUNC_ARG_IS_ATTRIBUTE", metric);
        }
        for (Expression c : e.children()) {
            check(metric, c, insideAggregate);
        }
    }

    private static RuntimeException invalid(String sub, Expression metric) {
        String named = metric instanceof BoundReference ? metric.sql()
                : metric instanceof Alias a ? a.child().sql() + " AS " + ErrorParams.id(a.name())
                : metric.sql() + " AS " + ErrorParams.id(NamedExpressions.nameOf(metric));
        return Unchecked.raise(new AnalysisException("INVALID_OBSERVED_METRICS." + sub, Map.of("expr", ErrorParams.expr(named))));
    }

    public String name() {
        return name;
    }

    /** The global aggregation over this node's child whose single row is the metrics. */
    public LogicalPlan metrics() {
        return metrics;
    }

    /** The aggregation at the bottom of {@link #metrics()}. */
    public Aggregate aggregate() {
        return metrics instanceof Aggregate a ? a : (Aggregate) metrics.children().get(0);
    }

    public Key key() {
        return key;
    }

    @Override
    public StructType schema() {
        return child().schema();
    }

    @Override
    public String nodeName() {
        return "CollectMetrics";
    }

    @Override
    protected String argString() {
        StringJoiner j = new StringJoiner(", ", name + ", [", "]");
        for (io.tideway.sql.types.StructField f : metrics.schema().fields()) {
            j.add(f.name());
        }
        return j.toString();
    }

    @Override
    public CollectMetrics withNewChild(LogicalPlan child) {
        Aggregate a = aggregate().withNewChild(child);
        LogicalPlan m = metrics instanceof Aggregate ? a : ((UnaryNode) metrics).withNewChild(a);
        return new CollectMetrics(name, m, key, child);
    }

    /** Every {@code CollectMetrics} in {@code plan}, in plan order. */
    public static List<CollectMetrics> in(LogicalPlan plan) {
        List<CollectMetrics> out = new ArrayList<>();
        collect(plan, out);
        return out;
    }

    private static void collect(LogicalPlan p, List<CollectMetrics> out) {
        for (LogicalPlan c : p.children()) {
            collect(c, out);
        }
        if (p instanceof CollectMetrics m) {
            out.add(m);
        }
    }
}
