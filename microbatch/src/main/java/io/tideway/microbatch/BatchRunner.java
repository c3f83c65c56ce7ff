package io.tideway.microbatch;

import io.tideway.engine.exec.ChainBuilder;
import io.tideway.engine.exec.HashAggregator;
import io.tideway.engine.exec.Operator;
import io.tideway.engine.exec.PlanShape;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.Aggregate;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.StreamingRelation;
import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.InputPartition;
import io.tideway.engine.spi.Offset;
import io.tideway.engine.spi.PartitionReader;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.engine.spi.StreamSink;
import io.tideway.engine.spi.StreamSource;
import io.tideway.engine.state.StateStore;
import io.tideway.engine.state.StateStoreProvider;
import io.tideway.sql.streaming.OutputMode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

/**
 * Runs one micro-batch: reader tasks (one per source partition) push rows through the fused
 * operator chain into the sink's writers or, for an aggregation, into a hash shuffle; then one
 * task per shuffle partition folds its rows into that partition's state store, emits the result
 * rows through the chain above the aggregate, and commits the state. Created and called by the
 * query thread; tasks run on the worker pool.
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
    private final Aggregate aggregate;
    private final StateStoreProvider[] stateProviders;

    BatchRunner(LogicalPlan plan, List<StreamingRelation> relations, List<StreamSource> sources, StreamSink sink,
                OutputMode mode, WorkerPool pool, EvalContext ctx, int shufflePartitions, IntFunction<Path> stateDir,
                int minDeltasForSnapshot, int minBatchesToRetain) {
        this.plan = plan;
        this.relations = relations;
        this.sources = sources;
        this.sink = sink;
        this.mode = mode;
        this.pool = pool;
        this.ctx = ctx;
        this.aggregate = PlanShape.topAggregate(plan);
        this.stateProviders = new StateStoreProvider[aggregate == null ? 0 : shufflePartitions];
        for (int p = 0; p < stateProviders.length; p++) {
            stateProviders[p] = new StateStoreProvider(stateDir.apply(p), minDeltasForSnapshot, minBatchesToRetain);
        }
    }

    /** One reader task's outcome. */
    private record ReadResult(int source, long rows, long outputRows, CommitMessage message, ShuffleExchange exchange) {
    }

    /** One aggregation task's outcome. */
    private record AggResult(long outputRows, CommitMessage message, long keys, long updated, long memory, long commitMs) {
    }

    BatchMetrics run(long batchId, Offset[] start, Offset[] end) throws Exception {
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
        if (aggregate == null) {
            List<CommitMessage> messages = new ArrayList<>();
            long out = 0;
            for (ReadResult r : reads) {
                messages.add(r.message);
                out += r.outputRows;
            }
            sink.commit(batchId, messages);
            return new BatchMetrics(inputRows, out, 0, 0, 0, 0, 0);
        }
        return aggregate(batchId, reads, inputRows);
    }

    private ReadResult read(long batchId, int source, InputPartition partition, int writerPartition) {
        if (aggregate != null) {
            return readAndPreAggregate(source, partition);
        }
        PartitionWriter writer = sink.createWriter(writerPartition, batchId);
        CountingOperator output = new CountingOperator(Operator.of(writer));
        CountingOperator input = new CountingOperator(ChainBuilder.build(plan, relations.get(source), output, ctx));
        try {
            drain(sources.get(source), partition, input);
            return new ReadResult(source, input.count(), output.count(), writer.commit(), null);
        } catch (RuntimeException e) {
            writer.abort();
            throw e;
        }
    }

    /**
     * The map side of an aggregation: folds this partition's rows into a task-local partial
     * aggregate (Spark's partial HashAggregate), then shuffles one row per group, not per input row.
     */
    private ReadResult readAndPreAggregate(int source, InputPartition partition) {
        HashAggregator aggregator = new HashAggregator(aggregate, ctx);
        try (StateStoreProvider local = StateStoreProvider.inMemory()) {
            StateStore partial = local.load(0);
            Operator fold = Operator.of((b, o, l) -> aggregator.update(partial, b, o, l));
            CountingOperator input = new CountingOperator(ChainBuilder.build(aggregate.child(), relations.get(source), fold, ctx));
            drain(sources.get(source), partition, input);
            ShuffleExchange exchange = new ShuffleExchange(stateProviders.length);
            aggregator.exportPartials(partial, exchange::add);
            return new ReadResult(source, input.count(), 0, null, exchange);
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

    private BatchMetrics aggregate(long batchId, List<ReadResult> reads, long[] inputRows) throws Exception {
        List<Callable<AggResult>> tasks = new ArrayList<>();
        for (int p = 0; p < stateProviders.length; p++) {
            int partition = p;
            tasks.add(() -> aggregatePartition(batchId, partition, reads));
        }
        List<AggResult> results;
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
        long memory = 0;
        long commitMs = 0;
        for (AggResult r : results) {
            messages.add(r.message);
            out += r.outputRows;
            keys += r.keys;
            updated += r.updated;
            memory += r.memory;
            commitMs += r.commitMs;
        }
        sink.commit(batchId, messages);
        return new BatchMetrics(inputRows, out, keys, updated, memory, commitMs, stateProviders.length);
    }

    private static void closeExchanges(List<ReadResult> reads) {
        for (ReadResult r : reads) {
            r.exchange.close();
        }
    }

    private AggResult aggregatePartition(long batchId, int p, List<ReadResult> reads) {
        StateStoreProvider provider = stateProviders[p];
        StateStore store = provider.load(batchId);
        HashAggregator aggregator = new HashAggregator(aggregate, ctx);
        for (ReadResult r : reads) {
            r.exchange.partition(p).forEach((b, o, l) -> aggregator.merge(store, b, o, l));
        }
        PartitionWriter writer = sink.createWriter(p, batchId);
        CountingOperator output = new CountingOperator(Operator.of(writer));
        try {
            Operator above = ChainBuilder.build(plan, aggregate, output, ctx);
            aggregator.emit(store, mode != OutputMode.Complete(), above);
            above.finish();
            CommitMessage message = writer.commit();
            long updated = store.updatedHandles().size();
            long t0 = System.nanoTime();
            provider.commit(store);
            long commitMs = (System.nanoTime() - t0) / 1_000_000;
            return new AggResult(output.count(), message, store.numKeys(), updated, store.memoryUsedBytes(), commitMs);
        } catch (RuntimeException e) {
            writer.abort();
            provider.invalidate();
            throw e;
        }
    }

    @Override
    public void close() {
        for (StateStoreProvider p : stateProviders) {
            p.close();
        }
    }
}
