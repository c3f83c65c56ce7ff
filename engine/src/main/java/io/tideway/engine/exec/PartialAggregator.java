package io.tideway.engine.exec;

import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.Aggregate;

/**
 * The map side of a partial aggregation: folds one task's rows into task-local groups and, at
 * {@link #finish()} (or earlier, to bound its memory), hands each group's partial state to a
 * {@link HashAggregator.PartialSink} as {@link HashAggregator#exportPartial} shapes it: a row of
 * the key's bytes and the state words, with the key's {@code Murmur3Hash}, which picks the shuffle
 * partition. A group may be handed over more than once; the reduce side merges them. Owned by
 * one task thread; {@code finish()} also frees its memory.
 */
public interface PartialAggregator extends Operator {

    /** The cheapest implementation for {@code aggregate}'s grouping and functions. */
    static PartialAggregator create(Aggregate aggregate, EvalContext ctx, HashAggregator.PartialSink sink) {
        return ByteKeyPartials.supports(aggregate)
                ? new ByteKeyPartials(aggregate, ctx, sink)
                : new StorePartials(aggregate, ctx, sink);
    }
}
