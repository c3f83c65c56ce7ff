package io.tideway.engine.sink;

import io.tideway.SparkThrowable;
import io.tideway.api.java.function.VoidFunction2;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.plan.LocalRelation;
import io.tideway.engine.plan.SelectPlanner;
import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.engine.spi.StreamSink;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoder;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.StructType;

import java.util.List;

/**
 * {@code foreachBatch(f)}: calls {@code f} on the query thread with each batch as a static
 * Dataset and the batch id (the same id when a batch is re-run, so {@code f} can be idempotent).
 */
public final class ForeachBatchSink<T> implements StreamSink {
    private final TidewaySession session;
    private final StructType schema;
    private final Encoder<T> encoder;
    private final VoidFunction2<Dataset<T>, Long> function;

    public ForeachBatchSink(TidewaySession session, StructType schema, Encoder<T> encoder, VoidFunction2<Dataset<T>, Long> function) {
        this.session = session;
        this.schema = schema;
        this.encoder = encoder;
        this.function = function;
    }

    @Override
    public String description() {
        return "ForeachBatchSink";
    }

    /** Spark reports -1: {@code ForeachBatchSink} is a V1 {@code Sink}, whose written rows progress does not count. */
    @Override
    public boolean reportsNumOutputRows() {
        return false;
    }

    @Override
    public PartitionWriter createWriter(int partition, long batchId) {
        return new CollectingWriter(schema, Long.MAX_VALUE);
    }

    @Override
    public void commit(long batchId, List<CommitMessage> messages) {
        LocalRelation batch = new LocalRelation(schema, CollectingWriter.allRows(messages));
        Dataset<T> ds = new Dataset<>(session, SelectPlanner.alignTo(encoder.schema(), batch), encoder);
        try {
            function.call(ds, batchId);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Spark's own errors pass through unwrapped, as Spark's ForeachBatchSink passes them
            throw e instanceof SparkThrowable ? Unchecked.raise(e) : new RuntimeException(e);
        }
    }
}
