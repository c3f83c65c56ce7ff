package io.tideway.microbatch.stateful;

import io.tideway.engine.exec.HashAggregator;
import io.tideway.engine.exec.Operator;
import io.tideway.engine.exec.PartialAggregator;
import io.tideway.engine.exec.ValueSink;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.plan.Aggregate;
import io.tideway.engine.plan.UnaryNode;
import io.tideway.engine.state.StateStore;
import io.tideway.offheap.row.RowArena;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.streaming.OutputMode;
import org.agrona.DirectBuffer;
import org.agrona.collections.LongArrayList;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A streaming aggregation: partial aggregation per reader task, then a merge into each
 * partition's state store. With a watermark on a grouping column (an event-time column or a
 * window over one), groups the previous batch's watermark passed are dropped after the shuffle,
 * before the merge, and groups whose time is at or below this batch's watermark leave the state: emitted then (append mode) or silently (update mode), as the
 * guide's table says. Complete mode keeps every group.
 */
public final class AggregationStage implements StatefulStage {
    private final Aggregate aggregate;
    private final EvalContext ctx;
    /** Index of the grouping column the watermark bounds, or -1 (none, or complete mode). */
    private final int watermarkGroup;

    public AggregationStage(Aggregate aggregate, EvalContext ctx, OutputMode mode) {
        this.aggregate = aggregate;
        this.ctx = ctx;
        // Complete mode keeps every group, so it neither drops late rows nor evicts (Spark's StateStoreSaveExec).
        this.watermarkGroup = mode == OutputMode.Complete() ? -1 : watermarkGroupingIndex(aggregate);
    }

    /** The grouping column whose field carries a watermark, as Spark's aggregation eviction requires. */
    public static int watermarkGroupingIndex(Aggregate aggregate) {
        return groupingIndexWithMetadata(aggregate, io.tideway.engine.plan.EventTimeWatermark.DELAY_KEY);
    }

    /** The first grouping column that is a column whose field metadata has {@code key}, or -1. */
    static int groupingIndexWithMetadata(Aggregate aggregate, String key) {
        List<Expression> grouping = aggregate.grouping();
        for (int g = 0; g < grouping.size(); g++) {
            if (grouping.get(g) instanceof BoundReference r && r.metadata().contains(key)) {
                return g;
            }
        }
        return -1;
    }

    @Override
    public UnaryNode node() {
        return aggregate;
    }

    @Override
    public String operatorName() {
        return "stateStoreSave";
    }

    /**
     * Keys: the grouping columns' types (names may change, as in Spark). Values: each aggregate
     * function's name and result type, since a function's buffer words are its own layout
     * (count's and sum's both hold a bigint but mean different things; Spark refuses the change
     * by its buffer schemas).
     */
    @Override
    public io.tideway.checkpoint.StateSchemaFile.Schema stateSchema() {
        String keys = aggregate.grouping().stream().map(e -> e.dataType().simpleString())
                .collect(java.util.stream.Collectors.joining(","));
        String values = aggregate.outputs().stream().map(Aggregate::aggregateOf).filter(java.util.Objects::nonNull)
                .map(f -> f.name() + ": " + f.dataType().simpleString())
                .collect(java.util.stream.Collectors.joining(","));
        return new io.tideway.checkpoint.StateSchemaFile.Schema(operatorName(), "struct<" + keys + ">", "struct<" + values + ">");
    }

    @Override
    public boolean wantsBatchWithoutData(long nowMs, long watermarkMs, long lastBatchWatermarkMs) {
        return watermarkGroup >= 0 && watermarkMs > lastBatchWatermarkMs;
    }

    @Override
    public MapSide mapSide(Shuffle shuffle, io.tideway.engine.plan.LogicalPlan input) {
        return new PartialAggregation(shuffle);
    }

    /**
     * Folds a task's rows into a task-local partial aggregate; exports one row per group at the
     * end. Late rows are folded too: the reduce side drops their groups, where Spark counts them.
     */
    private final class PartialAggregation implements MapSide, ValueSink {
        private final PartialAggregator partials;

        PartialAggregation(Shuffle shuffle) {
            this.partials = PartialAggregator.create(aggregate, ctx, shuffle::add);
        }

        @Override
        public void accept(DirectBuffer buffer, int offset, int length) {
            partials.accept(buffer, offset, length);
        }

        @Override
        public boolean acceptsValues() {
            return partials instanceof ValueSink v && v.acceptsValues();
        }

        @Override
        public void acceptValue(DirectBuffer buffer, int offset, int length) {
            ((ValueSink) partials).acceptValue(buffer, offset, length);
        }

        @Override
        public void finish() {
            partials.finish();
        }

        @Override
        public long droppedByWatermark() {
            return 0;
        }
    }

    @Override
    public long reduce(StateStore store, List<RowArena> input, Operator above, OutputMode mode, long watermarkMs) {
        HashAggregator aggregator = new HashAggregator(aggregate, ctx);
        LateGroups late = watermarkGroup < 0 ? null : new LateGroups();
        for (RowArena a : input) {
            a.forEach((b, o, l) -> {
                if (late == null || !late.drop(b, o, l)) {
                    aggregator.merge(store, b, o, l);
                }
            });
        }
        if (mode == OutputMode.Complete()) {
            aggregator.emit(store, false, above);
            return 0;
        }
        if (mode == OutputMode.Update()) {
            aggregator.emit(store, true, above);
        }
        if (watermarkGroup >= 0) {
            evict(store, aggregator, mode == OutputMode.Append() ? above : null, watermarkMs);
        }
        return late == null ? 0 : late.count();
    }

    /**
     * Recognises partial-aggregate rows whose group the previous batch's watermark passed and
     * counts their distinct groups: each reader task sends one row per group, Spark counts one
     * per group. One per reduce task; allocates only for late groups.
     */
    private final class LateGroups {
        private final RowReader pair = new RowReader(2);
        private final RowReader key = new RowReader(aggregate.grouping().size());
        private final EventTimeColumn time = new EventTimeColumn(watermarkGroup,
                aggregate.grouping().get(watermarkGroup).dataType() instanceof io.tideway.sql.types.StructType);
        private final long lateWatermarkMs = ctx.lateEventsWatermarkMs();
        private final Set<ByteBuffer> seen = new HashSet<>();

        boolean drop(DirectBuffer row, int offset, int length) {
            pair.wrap(row, offset, length);
            key.wrap(row, pair.varOffset(0), pair.varLength(0));
            if (!EventTimeColumn.isLate(time.micros(key), lateWatermarkMs)) {
                return false;
            }
            byte[] bytes = new byte[pair.varLength(0)];
            row.getBytes(pair.varOffset(0), bytes);
            seen.add(ByteBuffer.wrap(bytes));
            return true;
        }

        long count() {
            return seen.size();
        }
    }

    /** Removes groups at or below the watermark, emitting each to {@code emitTo} when not null. */
    private void evict(StateStore store, HashAggregator aggregator, Operator emitTo, long watermarkMs) {
        RowReader key = new RowReader(aggregate.grouping().size());
        boolean window = aggregate.grouping().get(watermarkGroup).dataType() instanceof io.tideway.sql.types.StructType;
        EventTimeColumn time = new EventTimeColumn(watermarkGroup, window);
        LongArrayList handles = store.allHandles();
        for (int i = 0; i < handles.size(); i++) {
            long h = handles.getLong(i);
            key.wrap(store.buffer(h), store.keyOffset(h), store.keyLength(h));
            if (EventTimeColumn.isLate(time.micros(key), watermarkMs)) {
                if (emitTo != null) {
                    aggregator.emitEntry(store, h, emitTo);
                }
                store.remove(h);
            }
        }
    }
}
