package io.tideway.engine.exec;

import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.CollectMetrics;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.row.RowConverter;
import io.tideway.engine.state.StateStore;
import io.tideway.engine.state.StateStoreProvider;
import io.tideway.sql.Row;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics of one {@code observe} over one run (a trigger of a stream, an action on a static
 * Dataset): each task's partial aggregation ({@link ObserveOperator}) is merged here when the task
 * finishes, and the run's owner takes the one result row when the run is over, which starts the
 * next run empty. Thread-safe: tasks merge concurrently; every method holds this object's lock.
 */
public final class ObservedMetrics {
    private final CollectMetrics node;
    private final EvalContext ctx;
    private final HashAggregator merger;
    /** The current run's merged groups, off-heap; null until a task of the run finishes, closed when the run's row is taken. */
    private StateStoreProvider provider;
    private StateStore merged;

    private ObservedMetrics(CollectMetrics node, EvalContext ctx) {
        this.node = node;
        this.ctx = ctx;
        this.merger = new HashAggregator(node.aggregate(), ctx);
    }

    /** The run's accumulator of {@code node} in {@code ctx}. */
    public static ObservedMetrics of(CollectMetrics node, EvalContext ctx) {
        return ctx.nodeState(node.key(), () -> new ObservedMetrics(node, ctx));
    }

    /** Folds a finished task's partial aggregation ({@code partial}, made by {@code taskAggregator}) in. */
    synchronized void merge(HashAggregator taskAggregator, StateStore partial) {
        if (merged == null) {
            provider = StateStoreProvider.inMemory();
            merged = provider.load(0);
        }
        taskAggregator.exportPartials(partial, (hash, b, o, l) -> merger.merge(merged, b, o, l));
    }

    /** The run's metrics row, or null when no task ran; the next run starts from nothing. */
    public synchronized Row take() {
        if (merged == null) {
            return null; // no task ran: Spark reports no metrics for such a run
        }
        Row[] result = new Row[1];
        RowConverter converter = new RowConverter(node.metrics().schema());
        Operator collect = (b, o, l) -> result[0] = converter.toRow(b, o, l);
        Operator top = ChainBuilder.build(node.metrics(), node.aggregate(), collect, ctx, false);
        try {
            if (merged.numKeys() == 0) {
                merger.emitEmpty(top);
            } else {
                merger.emit(merged, false, top);
            }
            top.finish();
        } finally {
            provider.close();
            provider = null;
            merged = null;
        }
        return result[0];
    }

    /**
     * The metrics of every {@code observe} in {@code plan} that ran in {@code ctx}, by name (a stream's
     * trigger: {@code observedMetrics} in its progress); each accumulator starts its next run empty.
     */
    public static Map<String, Row> takeAll(LogicalPlan plan, EvalContext ctx) {
        Map<String, Row> out = new LinkedHashMap<>();
        for (CollectMetrics m : CollectMetrics.in(plan)) {
            Row row = of(m, ctx).take();
            if (row != null) {
                out.put(m.name(), row);
            }
        }
        return out;
    }

    /** Hands a static run's metrics to the {@code Observation}s waiting for them (only static Datasets have one). */
    public static void deliver(LogicalPlan plan, EvalContext ctx) {
        for (CollectMetrics m : CollectMetrics.in(plan)) {
            if (m.key().observation() != null) {
                Row row = of(m, ctx).take();
                if (row != null) {
                    m.key().observation().accept(row);
                }
            }
        }
    }
}
