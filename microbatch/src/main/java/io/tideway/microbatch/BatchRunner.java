package io.tideway.microbatch;

import io.tideway.engine.exec.ChainBuilder;
import io.tideway.engine.exec.Operator;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.StreamingRelation;
import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.InputPartition;
import io.tideway.engine.spi.Offset;
import io.tideway.engine.spi.PartitionReader;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.engine.spi.StreamSink;
import io.tideway.engine.spi.StreamSource;
import io.tideway.engine.state.StateMaintenance;
import io.tideway.engine.state.StateStore;
import io.tideway.engine.state.StateStoreProvider;
import io.tideway.microbatch.stateful.StatefulStage;
import io.tideway.microbatch.stateful.StatefulStages;
import io.tideway.offheap.row.RowArena;
import io.tideway.sql.streaming.OutputMode;

import org.agrona.collections.LongArrayList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

/**
 * Runs one micro-batch: reader tasks (one per source partition) push rows through the fused
 * operator chain into the sink's writers or, for a stateful query, into the map side of its
 * lowest stateful operator, which shuffles rows by key. Then, operator by operator from the
 * bottom, one task per shuffle partition runs the operator's reduce side against that
 * partition's state store and emits its rows through the chain above it: into the next stateful
 * operator's map side (a new shuffle), or for the top one into the sink's writer. Each store
 * commits its version. Created and called by the query thread; tasks run on the worker pool.
 */
final class BatchRunner implements AutoCloseable {
    private static final int READ_CHUNK = 4096;
    private final LogicalPlan plan;
    private final List<StreamingRelation> relations;
    private final List<StreamSource> sources;
    private final StreamSink sink;
    private final OutputMode mode;
    private final WorkerPool pool;
    private final EvalContext ctx;
    /** The stateful operators, bottom-up (empty for a stateless query). */
    private final List<StatefulStage> stages;
    /** {@code stateProviders[k][p]}: state of stage k, partition p, in {@code state/k/p}. */
    private final StateStoreProvider[][] stateProviders;
    private final int partitions;
    private final StateMaintenance maintenance;
    /**
     * What runs over the batch's whole result, or null: a sort or limit above the top stateful
     * operator (Complete mode), or, without state, a per-batch group function.
     */
    private final GlobalResultStage global;

    BatchRunner(LogicalPlan plan, List<StreamingRelation> relations, List<StreamSource> sources, StreamSink sink,
                OutputMode mode, WorkerPool pool, EvalContext ctx, int shufflePartitions, BiFunction<Integer, Integer, Path> stateDir,
                int minDeltasForSnapshot, int minBatchesToRetain, long maintenanceIntervalMs, String queryName) {
        this.plan = plan;
        this.relations = relations;
        this.sources = sources;
        this.sink = sink;
        this.mode = mode;
        this.pool = pool;
        this.ctx = ctx;
        this.stages = StatefulStages.chain(plan, ctx, mode);
        this.global = stages.isEmpty() ? GlobalResultStage.perBatchGroups(plan)
                : GlobalResultStage.find(plan, stages.get(stages.size() - 1).node());
        this.partitions = shufflePartitions;
        this.stateProviders = new StateStoreProvider[stages.size()][shufflePartitions];
        List<StateStoreProvider> all = new ArrayList<>();
        for (int k = 0; k < stages.size(); k++) {
            for (int p = 0; p < shufflePartitions; p++) {
                stateProviders[k][p] = new StateStoreProvider(stateDir.apply(k, p), minDeltasForSnapshot, minBatchesToRetain);
                all.add(stateProviders[k][p]);
            }
        }
        this.maintenance = all.isEmpty() ? null : new StateMaintenance(queryName, all, maintenanceIntervalMs);
    }

    /**
     * One reader task's outcome; {@code exchange} is its shuffle into stage {@code stage}, or null
     * without stages; {@code sourceTimes} as {@link #drain} gives them.
     */
    private record ReadResult(int source, long rows, long outputRows, CommitMessage message, ShuffleExchange exchange,
                              int stage, long droppedByWatermark, long[] sourceTimes, RowArena whole) {
    }

    /** One state partition's outcome; {@code next} is the shuffle into the stage above, or null. */
    private record ReduceResult(long outputRows, CommitMessage message, long keys, long updated, long removed, long memory,
                                long commitMs, long droppedHere, ShuffleExchange next, long droppedByNext,
                                Map<String, Long> customMetrics, RowArena result) {
    }

    /** The query's stateful operators, bottom-up. */
    List<StatefulStage> stages() {
        return stages;
    }

    BatchMetrics run(long batchId, Offset[] start, Offset[] end) throws Exception {
        stages.forEach(s -> s.startBatch(batchId));
        BatchMetrics m = runTasks(batchId, start, end);
        stages.forEach(StatefulStage::endBatch);
        return m;
    }

    private BatchMetrics runTasks(long batchId, Offset[] start, Offset[] end) throws Exception {
        List<Callable<ReadResult>> readers = new ArrayList<>();
        int taskIndex = 0;
        for (int s = 0; s < sources.size(); s++) {
            if (end[s] == null || (start[s] != null && start[s].json().equals(end[s].json()))) {
                continue;
            }
            for (InputPartition p : sources.get(s).planPartitions(start[s], end[s])) {
                int source = s;
                int writerPartition = taskIndex++;
                readers.add(() -> read(batchId, source, p, writerPartition));
            }
        }
        List<ReadResult> reads;
        try {
            reads = pool.runAll(readers);
        } catch (Exception e) {
            throw failed(batchId, e);
        }
        long[] inputRows = new long[sources.size()];
        LongArrayList[] sourceTimes = new LongArrayList[sources.size()];
        for (ReadResult r : reads) {
            inputRows[r.source] += r.rows;
            if (sourceTimes[r.source] == null) {
                sourceTimes[r.source] = new LongArrayList();
            }
            for (long t : r.sourceTimes) {
                sourceTimes[r.source].addLong(t);
            }
        }
        long[][] times = new long[sources.size()][];
        for (int s = 0; s < times.length; s++) {
            times[s] = sourceTimes[s] == null ? new long[0] : sourceTimes[s].toLongArray();
        }
        if (stages.isEmpty() && global != null) {
            List<RowArena> parts = new ArrayList<>();
            reads.forEach(r -> parts.add(r.whole));
            PartitionWriter writer = sink.createWriter(0, batchId);
            long out;
            try {
                out = global.finish(parts, Operator.of(writer), ctx);
            } catch (RuntimeException e) {
                writer.abort();
                throw failed(batchId, e);
            }
            sink.commit(batchId, List.of(writer.commit()));
            return BatchMetrics.stateless(inputRows, out, times);
        }
        if (stages.isEmpty()) {
            List<CommitMessage> messages = new ArrayList<>();
            long out = 0;
            for (ReadResult r : reads) {
                messages.add(r.message);
                out += r.outputRows;
            }
            sink.commit(batchId, messages);
            return BatchMetrics.stateless(inputRows, out, times);
        }
        return reduce(batchId, reads, inputRows, times);
    }

    /**
     * The batch's tasks failed with {@code e}; returns what the batch fails with. Spark's
     * foreachBatch function receives a lazy batch and meets such an error in its first action, so
     * it is still called (with a batch that fails so); other sinks abort the batch. Not when the
     * query is being stopped: an interrupted task is no failure to show the function.
     */
    private Exception failed(long batchId, Exception e) {
        if (!Thread.currentThread().isInterrupted() && !(e instanceof InterruptedException)) {
            return sink.failBatch(batchId, e);
        }
        sink.abort(batchId, List.of());
        return e;
    }

    /** The task reading {@code partition}; {@code writerPartition} is its index among the batch's input partitions. */
    private ReadResult read(long batchId, int source, InputPartition partition, int writerPartition) {
        EvalContext ctx = this.ctx.forPartition(writerPartition);
        if (!stages.isEmpty()) {
            return readIntoShuffle(source, partition, ctx);
        }
        if (global != null) {
            return readWhole(source, partition, ctx);
        }
        PartitionWriter writer = sink.createWriter(writerPartition, batchId);
        CountingOperator output = new CountingOperator(Operator.of(writer));
        CountingOperator input = new CountingOperator(ChainBuilder.build(plan, relations.get(source), output, ctx));
        try {
            long[] times = drain(sources.get(source), partition, input);
            return new ReadResult(source, input.count(), output.count(), writer.commit(), null, -1, 0, times, null);
        } catch (RuntimeException e) {
            writer.abort();
            throw e;
        }
    }

    /** Without state, below a per-batch group function: the chain up to it collects the partition's rows. */
    private ReadResult readWhole(int source, InputPartition partition, EvalContext ctx) {
        RowArena rows = new RowArena();
        try {
            CountingOperator input = new CountingOperator(ChainBuilder.build(global.input(), relations.get(source),
                    Operator.of(rows::append), ctx));
            long[] times = drain(sources.get(source), partition, input);
            return new ReadResult(source, input.count(), 0, null, null, -1, 0, times, rows);
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    /**
     * The map side of the lowest stateful operator above the source (the lowest stage of the
     * chain, or a join higher up whose other side it is): the chain between them feeds its shuffle.
     */
    private ReadResult readIntoShuffle(int source, InputPartition partition, EvalContext ctx) {
        int k = stageReading(relations.get(source));
        StatefulStage stage = stages.get(k);
        ShuffleExchange exchange = new ShuffleExchange(partitions);
        try {
            LogicalPlan below = stage.inputOf(relations.get(source));
            StatefulStage.MapSide side = stage.mapSide(exchange::add, below);
            CountingOperator input = new CountingOperator(ChainBuilder.build(below, relations.get(source), side, ctx));
            long[] times = drain(sources.get(source), partition, input);
            return new ReadResult(source, input.count(), 0, null, exchange, k, side.droppedByWatermark(), times, null);
        } catch (RuntimeException e) {
            exchange.close();
            throw e;
        }
    }

    /** The lowest stage whose plan holds {@code relation}. */
    private int stageReading(StreamingRelation relation) {
        for (int k = 0; k < stages.size(); k++) {
            if (ChainBuilder.contains(stages.get(k).node(), relation)) {
                return k;
            }
        }
        throw new IllegalStateException("no stateful operator reads " + relation);
    }

    /**
     * Reads the partition through {@code input}; returns the source time of the first row of each
     * read that emitted rows (or the time of that read), on {@code nanoTime}'s scale: the sample
     * the batch's end-to-end latency is computed from when it commits.
     */
    private static long[] drain(StreamSource source, InputPartition partition, Operator input) {
        LongArrayList sourceTimes = new LongArrayList();
        try (PartitionReader reader = source.createReader(partition)) {
            int n;
            while ((n = reader.read(input, READ_CHUNK)) >= 0) {
                if (n == 0) {
                    Thread.onSpinWait();
                } else {
                    long t = reader.firstRowSourceNanoTime();
                    sourceTimes.addLong(t == PartitionReader.UNKNOWN_SOURCE_TIME ? System.nanoTime() : t);
                }
            }
            input.finish();
        }
        return sourceTimes.toLongArray();
    }

    private BatchMetrics reduce(long batchId, List<ReadResult> reads, long[] inputRows, long[][] sourceTimes) throws Exception {
        long watermarkMs = ctx.watermarkMs();
        // what each stage reads besides the output of the stage below: its sources' shuffles
        List<List<ShuffleExchange>> fromSources = new ArrayList<>();
        long[] droppedReading = new long[stages.size()];
        for (int k = 0; k < stages.size(); k++) {
            fromSources.add(new ArrayList<>());
        }
        for (ReadResult r : reads) {
            fromSources.get(r.stage).add(r.exchange);
            droppedReading[r.stage] += r.droppedByWatermark;
        }
        List<ShuffleExchange> exchanges = new ArrayList<>();
        long dropped = 0;
        List<BatchMetrics.StateOp> ops = new ArrayList<>();
        List<ReduceResult> results = List.of();
        for (int k = 0; k < stages.size(); k++) {
            int stage = k;
            exchanges.addAll(fromSources.get(k));
            fromSources.get(k).clear();
            if (stages.get(k).seeds(batchId)) {
                ShuffleExchange seeded = new ShuffleExchange(partitions);
                exchanges.add(seeded);
                try {
                    stages.get(k).seed(seeded::add);
                } catch (RuntimeException e) {
                    exchanges.forEach(ShuffleExchange::close);
                    fromSources.forEach(higher -> higher.forEach(ShuffleExchange::close));
                    throw failed(batchId, e);
                }
            }
            dropped += droppedReading[k];
            List<ShuffleExchange> in = exchanges;
            List<Callable<ReduceResult>> tasks = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                int partition = p;
                tasks.add(() -> reducePartition(batchId, stage, partition, in, watermarkMs));
            }
            try {
                results = pool.runAll(tasks);
            } catch (Exception e) {
                exchanges.forEach(ShuffleExchange::close);
                fromSources.forEach(higher -> higher.forEach(ShuffleExchange::close)); // read for stages above
                for (StateStoreProvider[] row : stateProviders) {
                    for (StateStoreProvider sp : row) {
                        sp.invalidate();
                    }
                }
                throw failed(batchId, e);
            }
            exchanges.forEach(ShuffleExchange::close);
            exchanges = new ArrayList<>();
            long keys = 0;
            long updated = 0;
            long removed = 0;
            long memory = 0;
            long commitMs = 0;
            long droppedAbove = 0;
            Map<String, Long> custom = new TreeMap<>();
            for (ReduceResult r : results) {
                r.customMetrics.forEach((name, v) -> custom.merge(name, v, Long::sum));
                keys += r.keys;
                updated += r.updated;
                removed += r.removed;
                memory += r.memory;
                commitMs += r.commitMs;
                droppedAbove += r.droppedByNext;
                dropped += r.droppedHere;
                if (r.next != null) {
                    exchanges.add(r.next);
                }
            }
            ops.add(new BatchMetrics.StateOp(stages.get(k).operatorName(), keys, updated, removed, dropped, memory, commitMs,
                    partitions, custom));
            dropped = droppedAbove;
        }
        List<CommitMessage> messages = new ArrayList<>();
        long out = 0;
        if (global != null) {
            List<RowArena> parts = new ArrayList<>();
            results.forEach(r -> parts.add(r.result));
            PartitionWriter writer = sink.createWriter(0, batchId);
            try {
                out = global.finish(parts, Operator.of(writer), ctx);
                messages.add(writer.commit());
            } catch (RuntimeException e) {
                writer.abort();
                throw failed(batchId, e);
            }
        }
        for (ReduceResult r : results) {
            if (global == null) {
                messages.add(r.message);
                out += r.outputRows;
            }
        }
        sink.commit(batchId, messages);
        return new BatchMetrics(inputRows, out, ops, sourceTimes);
    }

    private ReduceResult reducePartition(long batchId, int k, int p, List<ShuffleExchange> in, long watermarkMs) {
        StatefulStage stage = stages.get(k);
        boolean top = k == stages.size() - 1;
        // above a shuffle, a task's partition is the shuffle's
        EvalContext ctx = this.ctx.forPartition(p);
        StateStoreProvider provider = stateProviders[k][p];
        StateStore store = provider.load(batchId);
        List<RowArena> input = new ArrayList<>(in.size());
        for (ShuffleExchange e : in) {
            input.add(e.partition(p));
        }
        RowArena result = top && global != null ? new RowArena() : null;
        PartitionWriter writer = top && result == null ? sink.createWriter(p, batchId) : null;
        ShuffleExchange next = top ? null : new ShuffleExchange(partitions);
        StatefulStage.MapSide nextSide = null;
        CountingOperator output;
        Operator above;
        if (result != null) {
            output = new CountingOperator(Operator.of(result::append));
            above = ChainBuilder.build(global.input(), stage.node(), output, ctx);
        } else if (top) {
            output = new CountingOperator(Operator.of(writer));
            above = ChainBuilder.build(plan, stage.node(), output, ctx);
        } else {
            StatefulStage upper = stages.get(k + 1);
            LogicalPlan between = upper.inputOf(stage.node());
            nextSide = upper.mapSide(next::add, between);
            output = new CountingOperator(nextSide);
            above = ChainBuilder.build(between, stage.node(), output, ctx);
        }
        try {
            // a lower operator feeds the next one new rows only: append semantics
            long droppedHere = stage.reduce(store, input, above, top ? mode : OutputMode.Append(), watermarkMs);
            above.finish();
            CommitMessage message = writer != null ? writer.commit() : null;
            forgetRemovedUpdates(store);
            long updated = store.updatedHandles().size();
            long removed = store.numRemoved();
            long rowsTotal = stage.numRowsTotal(store);
            long t0 = System.nanoTime();
            provider.commit(store);
            long commitMs = (System.nanoTime() - t0) / 1_000_000;
            return new ReduceResult(output.count(), message, rowsTotal, updated, removed, store.memoryUsedBytes(), commitMs,
                    droppedHere, next, nextSide == null ? 0 : nextSide.droppedByWatermark(), provider.customMetrics(), result);
        } catch (RuntimeException e) {
            if (writer != null) {
                writer.abort();
            }
            if (next != null) {
                next.close();
            }
            if (result != null) {
                result.close();
            }
            provider.invalidate();
            throw e;
        }
    }

    /**
     * Drops from the store's updated list the entries this version both wrote and removed (late
     * rows are judged by the previous batch's watermark and state by this batch's, so a stage may
     * create a key and evict it in one batch): the removal is what the delta records, and the
     * progress's numRowsUpdated does not count them.
     */
    private static void forgetRemovedUpdates(StateStore store) {
        LongArrayList handles = store.updatedHandles();
        for (int i = handles.size() - 1; i >= 0; i--) {
            if (!store.isLive(handles.getLong(i))) {
                handles.removeAt(i);
            }
        }
    }

    @Override
    public void close() {
        if (maintenance != null) {
            maintenance.close(); // before the stores it reads are closed
        }
        for (StateStoreProvider[] row : stateProviders) {
            for (StateStoreProvider p : row) {
                p.close();
            }
        }
    }
}
