package io.tideway.engine.exec;

import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.CollectMetrics;
import io.tideway.engine.state.StateStore;
import io.tideway.engine.state.StateStoreProvider;
import org.agrona.DirectBuffer;

/**
 * {@code observe}: passes rows on and aggregates the metrics over them into a task-local store,
 * merged into the run's {@link ObservedMetrics} when the task finishes; a chain is built for one
 * task of one run, so the store (off-heap) is closed then. Task thread only.
 */
final class ObserveOperator implements Operator {
    private final HashAggregator aggregator;
    private final StateStoreProvider provider = StateStoreProvider.inMemory();
    private final StateStore partial = provider.load(0);
    private final ObservedMetrics shared;
    private final Operator next;

    ObserveOperator(CollectMetrics node, EvalContext ctx, Operator next) {
        this.aggregator = new HashAggregator(node.aggregate(), ctx);
        this.shared = ObservedMetrics.of(node, ctx);
        this.next = next;
    }

    @Override
    public void accept(DirectBuffer buffer, int offset, int length) {
        aggregator.update(partial, buffer, offset, length);
        next.accept(buffer, offset, length);
    }

    @Override
    public void finish() {
        try {
            shared.merge(aggregator, partial);
        } finally {
            provider.close();
        }
        next.finish();
    }
}
