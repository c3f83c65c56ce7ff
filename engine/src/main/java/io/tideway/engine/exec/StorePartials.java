package io.tideway.engine.exec;

import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.Aggregate;
import io.tideway.engine.state.StateStore;
import io.tideway.engine.state.StateStoreProvider;
import org.agrona.DirectBuffer;

/**
 * Partial aggregation for any grouping and aggregates: the groups live in a task-local in-memory
 * {@link StateStore}, keyed by the key row {@link KeyBuilder} builds per input row. Task thread only.
 */
final class StorePartials implements PartialAggregator {
    private final HashAggregator aggregator;
    private final StateStoreProvider local = StateStoreProvider.inMemory();
    private final StateStore partial = local.load(0);
    private final HashAggregator.PartialSink sink;

    StorePartials(Aggregate aggregate, EvalContext ctx, HashAggregator.PartialSink sink) {
        this.aggregator = new HashAggregator(aggregate, ctx);
        this.sink = sink;
    }

    @Override
    public void accept(DirectBuffer buffer, int offset, int length) {
        aggregator.update(partial, buffer, offset, length);
    }

    @Override
    public void finish() {
        try {
            aggregator.exportPartials(partial, sink);
        } finally {
            local.close();
        }
    }
}
