package io.tideway.engine.exec;

import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.Aggregate;
import io.tideway.engine.plan.DataSourceRelation;
import io.tideway.engine.plan.LocalRelation;
import io.tideway.engine.spi.BatchScan;
import io.tideway.engine.spi.InputPartition;
import io.tideway.engine.spi.PartitionReader;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.row.RowConverter;
import io.tideway.engine.state.StateStore;
import io.tideway.engine.state.StateStoreProvider;
import io.tideway.offheap.row.RowArena;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Row;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a static plan (over in-memory relations: a memory sink's table, a foreachBatch batch, a
 * range, or a data source read as a batch) on
 * the calling thread, with the same operators the streaming executors use.
 */
public final class BatchExecutor {
    private BatchExecutor() {
    }

    public static <T> List<T> collect(LogicalPlan query, ObjectEncoder<T> encoder, EvalContext ctx) {
        RowArena result = new RowArena();
        ctx.setBatchTimestampMs(System.currentTimeMillis());
        LogicalPlan plan = StaticPlanMaterializer.materialize(query, ctx);
        run(plan, Operator.of(result::append), ctx);
        ObservedMetrics.deliver(query, ctx);
        ObjectEncoder.Converter<T> converter = encoder.newConverter();
        RowReader reader = new RowReader(plan.schema().length());
        List<T> out = new ArrayList<>(result.count());
        result.forEach((b, o, l) -> out.add(converter.read(reader.wrap(b, o, l))));
        return out;
    }

    /** Runs a static plan, handing each result row to {@code sink} (a join's build side). */
    public static void materialize(LogicalPlan plan, EvalContext ctx, io.tideway.offheap.row.RowConsumer sink) {
        run(StaticPlanMaterializer.materialize(plan, ctx), Operator.of(sink), ctx);
        ObservedMetrics.deliver(plan, ctx);
    }

    private static void run(LogicalPlan top, Operator sink, EvalContext ctx) {
        Aggregate agg = PlanShape.topAggregate(top);
        if (agg != null) {
            Operator above = ChainBuilder.build(top, agg, sink, ctx);
            try (StateStoreProvider ephemeral = StateStoreProvider.inMemory()) {
                StateStore store = ephemeral.load(0);
                HashAggregator aggregator = new HashAggregator(agg, ctx);
                io.tideway.engine.plan.RangeRelation sliced = slicedRange(agg.child());
                if (sliced != null) {
                    aggregateBySlice(agg, sliced, aggregator, store, ctx);
                } else {
                    run(agg.child(), Operator.of((b, o, l) -> aggregator.update(store, b, o, l)), ctx);
                }
                aggregator.emit(store, false, above);
                if (agg.grouping().isEmpty() && store.numKeys() == 0) {
                    aggregator.emitEmpty(above);
                }
                above.finish();
            }
            return;
        }
        // one Dataset may stand at several places (a self-join, a self-union): each place is fed once
        java.util.Map<LogicalPlan, Integer> seen = new java.util.IdentityHashMap<>();
        boolean byPartition = !hasJoin(top);
        // Spark's UnionRDD numbers a union's partitions one child after the other, here from the
        // context's own (a sample runs each slice of its input as a plan of its own)
        int firstPartition = ctx.partitionIndex();
        for (LogicalPlan leaf : PlanShape.leaves(top)) {
            int occurrence = seen.merge(leaf, 1, Integer::sum) - 1;
            if (leaf instanceof io.tideway.engine.plan.RangeRelation range) {
                int slices = byPartition ? range.slices() : 1;
                for (int i = 0; i < slices; i++) {
                    Operator entry = ChainBuilder.build(top, leaf, occurrence, sink, ctx.forPartition(firstPartition + i), true);
                    generate(slices == 1 ? range : range.slice(i), entry);
                    entry.finish();
                }
                firstPartition += slices;
                continue;
            }
            if (leaf instanceof DataSourceRelation source) {
                firstPartition += scan(source.scan(), top, leaf, occurrence, sink, byPartition, firstPartition, ctx);
                continue;
            }
            if (!(leaf instanceof LocalRelation local)) {
                throw new IllegalStateException("Queries with streaming sources must be executed with writeStream.start()");
            }
            Operator entry = ChainBuilder.build(top, leaf, occurrence, sink, ctx, true);
            RowConverter converter = new RowConverter(local.schema());
            RowArena rows = new RowArena();
            RowWriter w = new RowWriter(local.schema().length());
            for (Row r : local.rows()) {
                converter.write(r, rows.beginRow(w));
                rows.endRow(w);
            }
            rows.forEach(entry);
            entry.finish();
            firstPartition++;
        }
    }

    /**
     * Whether a join stands in the plan: its probe side then runs as one task over all the
     * partitions of its leaf, as the join's operator holds the build side once and adds an outer
     * join's unmatched rows when that one task finishes (Spark's partitions there are its shuffle's).
     */
    private static boolean hasJoin(LogicalPlan plan) {
        if (plan instanceof io.tideway.engine.plan.Join) {
            return true;
        }
        for (LogicalPlan c : plan.children()) {
            if (hasJoin(c)) {
                return true;
            }
        }
        return false;
    }

    /** The range below an aggregate that reads it alone and in several slices, or null. */
    private static io.tideway.engine.plan.RangeRelation slicedRange(LogicalPlan input) {
        List<LogicalPlan> leaves = PlanShape.leaves(input);
        return leaves.size() == 1 && leaves.get(0) instanceof io.tideway.engine.plan.RangeRelation r && r.slices() > 1
                && PlanShape.topAggregate(input) == null ? r : null;
    }

    /**
     * Spark's partial aggregation over a range's partitions: each slice is folded into a state of
     * its own, then the slices' states are merged in order into {@code store}. Where the result
     * depends on how rows were grouped (percentile_approx's summaries, a double sum's rounding), it
     * is then Spark's.
     */
    private static void aggregateBySlice(Aggregate agg, io.tideway.engine.plan.RangeRelation range,
                                         HashAggregator aggregator, StateStore store, EvalContext ctx) {
        for (int i = 0; i < range.slices(); i++) {
            try (StateStoreProvider sliceStores = StateStoreProvider.inMemory()) {
                StateStore partial = sliceStores.load(0);
                HashAggregator sliceAggregator = new HashAggregator(agg, ctx.forPartition(ctx.partitionIndex() + i));
                Operator entry = ChainBuilder.build(agg.child(), range, 0,
                        Operator.of((b, o, l) -> sliceAggregator.update(partial, b, o, l)), ctx.forPartition(ctx.partitionIndex() + i), true);
                generate(range.slice(i), entry);
                entry.finish();
                sliceAggregator.exportPartials(partial, (hash, b, o, l) -> aggregator.merge(store, b, o, l));
            }
        }
    }

    /**
     * Reads a batch scan, one reader at a time, through the chain from {@code leaf} up to
     * {@code top}: a task (a chain of its own) per partition, numbered from {@code firstPartition},
     * or, unless {@code byPartition}, one task for them all. Returns how many tasks ran.
     */
    private static int scan(BatchScan scan, LogicalPlan top, LogicalPlan leaf, int occurrence, Operator sink,
                            boolean byPartition, int firstPartition, EvalContext ctx) {
        final int chunk = 4096;
        List<InputPartition> partitions = scan.planPartitions();
        int tasks = byPartition ? Math.max(partitions.size(), 1) : 1;
        for (int t = 0; t < tasks; t++) {
            Operator entry = ChainBuilder.build(top, leaf, occurrence, sink, ctx.forPartition(firstPartition + t), true);
            for (InputPartition p : tasks == 1 ? partitions : List.of(partitions.get(t))) {
                try (PartitionReader reader = scan.createReader(p)) {
                    while (reader.read(entry, chunk) >= 0) {
                        // a reader returns -1 once its partition is exhausted
                    }
                }
            }
            entry.finish();
        }
        return tasks;
    }

    /** Feeds a range's numbers to {@code entry} a chunk at a time, so that no range is held whole. */
    private static void generate(io.tideway.engine.plan.RangeRelation range, Operator entry) {
        final int chunk = 4096;
        try (RowArena rows = new RowArena()) {
            RowWriter w = new RowWriter(1);
            long v = range.start();
            boolean more = range.inRange(v);
            while (more) {
                rows.clear();
                for (int i = 0; i < chunk && more; i++) {
                    rows.beginRow(w).putLong(0, v);
                    rows.endRow(w);
                    long next = v + range.step();
                    more = ((next > v) == (range.step() > 0)) && range.inRange(next); // stop on overflow too
                    v = next;
                }
                rows.forEach(entry);
            }
        }
    }
}
