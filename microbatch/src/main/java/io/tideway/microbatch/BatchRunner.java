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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

/**
 * Runs one micro-batch: reader tasks (one per source partition) push rows through the fused
 * operator chain into the sink's writers or, for a stateful operator (aggregation,
 * deduplication), into its map side, which shuffles rows by key; then one task per shuffle
 * partition runs the operator's reduce side against that partition's state store, emits the
 * result rows through the chain above the operator, and commits the state. Created and called by
 * the query thread; tasks run on the worker pool.
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
    private final StatefulStage stage;
    private final StateStoreProvider[] stateProviders;
    private final StateMaintenance maintenance;

    BatchRunner(LogicalPlan plan, List<StreamingRelation> relations, List<StreamSource> sources, StreamSink sink,
                OutputMode mode, WorkerPool pool, EvalContext ctx, int shufflePartitions, IntFunction<Path> stateDir,
                int minDeltasForSnapshot, int minBatchesToRetain, long maintenanceIntervalMs, String queryName) {
        this.plan = plan;
        this.relations = relations;
        this.sources = sources;
        this.sink = sink;
        this.mode = mode;
        this.pool = pool;
        this.ctx = ctx;
        this.stage = StatefulStages.of(plan, ctx, mode);
        this.stateProviders = new StateStoreProvider[stage == null ? 0 : shufflePartitions];
        for (int p = 0; p < stateProviders.length; p++) {
            stateProviders[p] = new StateStoreProvider(stateDir.apply(p), minDeltasForSnapshot, minBatchesToRetain);
        }
        this.maintenance = stateProviders.length == 0 ? null
                : new StateMaintenance(queryName, java.util.Arrays.asList(stateProviders), maintenanceIntervalMs);
    }

    /** One reader task's outcome. */
    private record ReadResult(int source, long rows, long outputRows, CommitMessage message, ShuffleExchange exchange,
                              long droppedByWatermark) {
    }

    /** One state partition's outcome. */
    private record ReduceResult(long outputRows, CommitMessage message, long keys, long updated, long removed, long memory,
                                long commitMs) {
    }

    /** The query's stateful operator, or null. */
    StatefulStage stage() {
        return stage;
    }

    BatchMetrics run(long batchId, Offset[] start, Offset[] end) throws Exception {
        if (stage != null) {
            stage.startBatch();
        }
        BatchMetrics m = runTasks(batchId, start, end);
        if (stage != null) {
            stage.endBatch();
        }
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
            sink.abort(batchId, List.of());
            throw e;
        }
        long[] inputRows = new long[sources.size()];
        for (ReadResult r : reads) {
            inputRows[r.source] += r.rows;
        }
        if (stage == null) {
            List<CommitMessage> messages = new ArrayList<>();
            long out = 0;
            for (ReadResult r : reads) {
                messages.add(r.message);
                out += r.outputRows;
            }
            sink.commit(batchId, messages);
            return BatchMetrics.stateless(inputRows, out);
        }
        return reduce(batchId, reads, inputRows);
    }

    private ReadResult read(long batchId, int source, InputPartition partition, int writerPartition) {
        if (stage != null) {
            return readIntoShuffle(source, partition);
        }
        PartitionWriter writer = sink.createWriter(writerPartition, batchId);
        CountingOperator output = new CountingOperator(Operator.of(writer));
        CountingOperator input = new CountingOperator(ChainBuilder.build(plan, relations.get(source), output, ctx));
        try {
            drain(sources.get(source), partition, input);
            return new ReadResult(source, input.count(), output.count(), writer.commit(), null, 0);
        } catch (RuntimeException e) {
            writer.abort();
            throw e;
        }
    }

    /** The map side of the stateful operator: the chain below it feeds its shuffle. */
    private ReadResult readIntoShuffle(int source, InputPartition partition) {
        ShuffleExchange exchange = new ShuffleExchange(stateProviders.length);
        try {
            LogicalPlan below = stage.inputOf(relations.get(source));
            StatefulStage.MapSide side = stage.mapSide(exchange::add, below);
            CountingOperator input = new CountingOperator(ChainBuilder.build(below, relations.get(source), side, ctx));
            drain(sources.get(source), partition, input);
            return new ReadResult(source, input.count(), 0, null, exchange, side.droppedByWatermark());
        } catch (RuntimeException e) {
            exchange.close();
            throw e;
        }
    }

    private static void drain(StreamSource source, InputPartition partition, Operator input) {
        try (PartitionReader reader = source.createReader(partition)) {
            int n;
            while ((n = reader.read(input, READ_CHUNK)) >= 0) {
                if (n == 0) {
                    Thread.onSpinWait();
                }
            }
            input.finish();
        }
    }

    private BatchMetrics reduce(long batchId, List<ReadResult> reads, long[] inputRows) throws Exception {
        long watermarkMs = ctx.watermarkMs();
        List<Callable<ReduceResult>> tasks = new ArrayList<>();
        for (int p = 0; p < stateProviders.length; p++) {
            int partition = p;
            tasks.add(() -> reducePartition(batchId, partition, reads, watermarkMs));
        }
        List<ReduceResult> results;
        try {
            results = pool.runAll(tasks);
        } catch (Exception e) {
            closeExchanges(reads);
            for (StateStoreProvider sp : stateProviders) {
                sp.invalidate();
            }
            sink.abort(batchId, List.of());
            throw e;
        }
        closeExchanges(reads);
        List<CommitMessage> messages = new ArrayList<>();
        long out = 0;
        long keys = 0;
        long updated = 0;
        long removed = 0;
        long memory = 0;
        long commitMs = 0;
        for (ReduceResult r : results) {
            messages.add(r.message);
            out += r.outputRows;
            keys += r.keys;
            updated += r.updated;
            removed += r.removed;
            memory += r.memory;
            commitMs += r.commitMs;
        }
        long dropped = 0;
        for (ReadResult r : reads) {
            dropped += r.droppedByWatermark;
        }
        sink.commit(batchId, messages);
        return new BatchMetrics(inputRows, out, stage.operatorName(), keys, updated, removed, dropped, memory, commitMs,
                stateProviders.length);
    }

    private static void closeExchanges(List<ReadResult> reads) {
        for (ReadResult r : reads) {
            r.exchange.close();
        }
    }

    private ReduceResult reducePartition(long batchId, int p, List<ReadResult> reads, long watermarkMs) {
        StateStoreProvider provider = stateProviders[p];
        StateStore store = provider.load(batchId);
        List<RowArena> input = new ArrayList<>(reads.size());
        for (ReadResult r : reads) {
            input.add(r.exchange.partition(p));
        }
        PartitionWriter writer = sink.createWriter(p, batchId);
        CountingOperator output = new CountingOperator(Operator.of(writer));
        try {
            Operator above = ChainBuilder.build(plan, stage.node(), output, ctx);
            stage.reduce(store, input, above, mode, watermarkMs);
            above.finish();
            CommitMessage message = writer.commit();
            long updated = store.updatedHandles().size();
            long removed = store.numRemoved();
            long t0 = System.nanoTime();
            provider.commit(store);
            long commitMs = (System.nanoTime() - t0) / 1_000_000;
            return new ReduceResult(output.count(), message, store.numKeys(), updated, removed, store.memoryUsedBytes(), commitMs);
        } catch (RuntimeException e) {
            writer.abort();
            provider.invalidate();
            throw e;
        }
    }

    @Override
    public void close() {
        if (maintenance != null) {
            maintenance.close(); // before the stores it reads are closed
        }
        for (StateStoreProvider p : stateProviders) {
            p.close();
        }
    }
}
